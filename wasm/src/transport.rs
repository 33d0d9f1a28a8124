//! The only place that talks to the network: one request through the browser's
//! native `fetch` (gloo-net's request builder over the global `fetch`, so it works in
//! windows and workers alike), with the token in the `Authorization` header and
//! nowhere else, and no cookies.
//!
//! Cancellation: with a caller's signal, fetch gets `AbortSignal.any([own controller,
//! AbortSignal.timeout])`, and the caller's signal only ever aborts the own controller. A caller may abort
//! with any reason (`controller.abort("x")`, `abort(42)`), and fetch rejects with the
//! signal's reason, which gloo-net requires to be an `Error`: the own controller
//! aborts without a reason, so fetch always rejects with an `AbortError`
//! `DOMException` (or the timeout's `TimeoutError`), and the kind is decided from
//! which signal fired, never from the value.

use conduktor_card_core::classify::{classify, retry_after_ms};
use conduktor_card_core::client::Transport;
use conduktor_card_core::credentials::Token;
use conduktor_card_core::error::{CoreError, ErrorKind};
use conduktor_card_core::request::{HttpRequest, Method};
use gloo_net::http::{RequestBuilder, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal, RequestCredentials};

/// What a request needs besides itself: the header, the deadline and the caller's signal.
pub struct FetchTransport {
    authorization: String,
    timeout_ms: u32,
    signal: Option<AbortSignal>,
}

impl FetchTransport {
    pub fn new(token: &Token, timeout_ms: u32, signal: Option<AbortSignal>) -> FetchTransport {
        FetchTransport { authorization: token.bearer_header(), timeout_ms, signal }
    }

    fn caller_aborted(&self) -> bool {
        self.signal.as_ref().is_some_and(AbortSignal::aborted)
    }
}

impl Transport for FetchTransport {
    async fn send(&self, request: &HttpRequest) -> Result<String, CoreError> {
        let timeout = AbortSignal::timeout_with_u32(self.timeout_ms);
        // Without a caller's signal the timeout alone aborts (its reason is a
        // `TimeoutError`, an `Error`): no controller, listener or combined signal to build.
        let cancel = self.signal.as_ref().map(Cancellation::new).transpose()?;
        let signal = match &cancel {
            Some(cancel) => AbortSignal::any(&js_sys::Array::of2(&cancel.controller.signal(), &timeout)),
            None => timeout.clone(),
        };
        let failed = |error: gloo_net::Error, status: Option<u16>| self.failed(&error, &request.url, &timeout, status);

        let builder = RequestBuilder::new(&request.url)
            .method(match request.method {
                Method::Get => gloo_net::http::Method::GET,
                Method::Post => gloo_net::http::Method::POST,
            })
            // The proxy needs no cookies; the IdP token is the only credential sent.
            .credentials(RequestCredentials::Omit)
            .header("Authorization", &self.authorization)
            .header("Accept", "application/json")
            .abort_signal(Some(&signal));
        let built = match &request.body {
            Some(json) => builder.header("Content-Type", "application/json").body(json.as_str()),
            None => builder.build(),
        };
        let request_built = built.map_err(|_| {
            CoreError::invalid_input(format!("the request to {} could not be built; check proxyBase", request.url))
        })?;
        let response = request_built.send().await.map_err(|e| failed(e, None))?;
        let status = response.status();
        let body = response.binary().await.map_err(|e| failed(e, Some(status)))?;
        answer(&response, status, body)
    }

    fn now(&self) -> f64 {
        js_sys::Date::now()
    }

    fn cancelled(&self) -> bool {
        self.caller_aborted()
    }
}

/// The body of a 2xx answer as text, or the classified failure.
fn answer(response: &Response, status: u16, body: Vec<u8>) -> Result<String, CoreError> {
    let body = String::from_utf8(body);
    if (200..300).contains(&status) {
        return body.map_err(|_| {
            CoreError::new(
                ErrorKind::Decode,
                "an answer is not UTF-8 text, so not Conduktor Console's; check that the proxy target points at Console",
            )
        });
    }
    let headers = response.headers();
    let content_type = headers.get("content-type");
    let retry_after = retry_after_ms(headers.get("retry-after").as_deref());
    Err(classify(status, content_type.as_deref(), &body.unwrap_or_default(), retry_after))
}

impl FetchTransport {
    /// A fetch rejection as an error kind, decided by which signal fired. `status` is
    /// set when the answer had begun and its body then failed.
    fn failed(&self, error: &gloo_net::Error, url: &str, timeout: &AbortSignal, status: Option<u16>) -> CoreError {
        let (name, detail) = match error {
            gloo_net::Error::JsError(js) => (js.name.as_str(), js.message.as_str()),
            _ => ("", "no details"),
        };
        if self.caller_aborted() {
            return CoreError::new(ErrorKind::Aborted, "the request was cancelled");
        }
        if timeout.aborted() || name == "TimeoutError" {
            return CoreError::new(
                ErrorKind::Timeout,
                format!(
                    "Conduktor Console did not answer within {} ms; retry, or raise timeoutMs if your Console is slow",
                    self.timeout_ms
                ),
            );
        }
        if name == "AbortError" {
            return CoreError::new(ErrorKind::Aborted, "the request was cancelled");
        }
        if let Some(status) = status {
            return CoreError::new(
                ErrorKind::Network,
                format!(
                    "the answer from {url} broke off after status {status} ({detail}); retry, and if it persists check the proxy's and Console's logs"
                ),
            );
        }
        CoreError::new(
            ErrorKind::Network,
            format!(
                "could not reach {url} ({detail}); check that the Backstage backend is running and that proxy.endpoints./conduktor is configured"
            ),
        )
    }
}

/// The request's own abort controller, aborted (without a reason) when the caller's
/// signal fires. Dropping it removes the listener, so a long-lived caller signal does
/// not collect one closure per request, and aborts the fetch if it is still running
/// (a request whose future was dropped; after the body was read it changes nothing).
struct Cancellation {
    controller: AbortController,
    listener: (AbortSignal, Closure<dyn FnMut()>),
}

impl Cancellation {
    fn new(caller: &AbortSignal) -> Result<Cancellation, CoreError> {
        let controller = AbortController::new().map_err(|_| {
            CoreError::new(ErrorKind::Network, "this browser has no AbortController; fetch cannot be used")
        })?;
        if caller.aborted() {
            controller.abort();
        }
        let own = controller.clone();
        let on_abort = Closure::<dyn FnMut()>::new(move || own.abort());
        let _ = caller.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        Ok(Cancellation { controller, listener: (caller.clone(), on_abort) })
    }
}

impl Drop for Cancellation {
    fn drop(&mut self) {
        self.controller.abort();
        let (caller, on_abort) = &self.listener;
        let _ = caller.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
    }
}
