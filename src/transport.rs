//! The only place that talks to the network: one GET through the browser's native
//! `fetch` (gloo-net), with the token in the `Authorization` header and nowhere else.
//!
//! Cancellation: the caller's signal is never handed to fetch. gloo-net panics when
//! fetch rejects with a non-`Error` reason (`controller.abort("x")`), so the core
//! aborts its own controller without a reason when the caller's signal fires, and
//! combines it with `AbortSignal.timeout`, whose reason is a `TimeoutError`.

use gloo_net::http::{Request, RequestBuilder};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{AbortController, AbortSignal, RequestCredentials};

use crate::cache::{shared, Key};
use crate::classify::{classify, retry_after_ms};
use crate::error::{CoreError, ErrorKind};
use crate::options::CallOptions;
use crate::request::Token;

/// GETs `url` and returns the body of a 2xx answer; anything else is a `CoreError`.
/// Identical concurrent requests are shared and answers cached (see `cache`).
pub async fn get_text(url: &str, token: &Token, options: &CallOptions) -> Result<String, CoreError> {
    let key = Key::new(token, "GET", url, None);
    shared(key, options.cache_ttl_ms, options.refresh, js_sys::Date::now, || {
        send(Request::get(url), url, None, token, options)
    })
    .await
}

/// POSTs a JSON body (Console's v1 searches, which only read) and returns the body
/// of a 2xx answer, shared and cached like `get_text`.
pub async fn post_json(url: &str, body: String, token: &Token, options: &CallOptions) -> Result<String, CoreError> {
    let key = Key::new(token, "POST", url, Some(&body));
    shared(key, options.cache_ttl_ms, options.refresh, js_sys::Date::now, || {
        send(Request::post(url), url, Some(body.clone()), token, options)
    })
    .await
}

async fn send(
    builder: RequestBuilder,
    url: &str,
    body: Option<String>,
    token: &Token,
    options: &CallOptions,
) -> Result<String, CoreError> {
    let abort = AbortLink::new(options)?;
    let builder = builder
        .header("Authorization", &token.bearer_header())
        .header("Accept", "application/json")
        // The proxy needs no cookies; the IdP token is the only credential sent.
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(&abort.signal));
    let built = match body {
        Some(json) => builder.header("Content-Type", "application/json").body(json),
        None => builder.build(),
    };
    let request =
        built.map_err(|e| CoreError::invalid_input(format!("the request to {url} could not be built ({e})")))?;
    let response = request.send().await.map_err(|e| fetch_failed(e, url, options))?;
    let status = response.status();
    let headers = response.headers();
    let content_type = headers.get("content-type");
    let retry_after = retry_after_ms(headers.get("retry-after").as_deref());
    let body = response.text().await.map_err(|e| fetch_failed(e, url, options))?;
    if (200..300).contains(&status) {
        Ok(body)
    } else {
        Err(classify(status, content_type.as_deref(), &body, retry_after))
    }
}

fn fetch_failed(error: gloo_net::Error, url: &str, options: &CallOptions) -> CoreError {
    let (name, detail) = match &error {
        gloo_net::Error::JsError(js) => (js.name.as_str(), js.message.clone()),
        other => ("", other.to_string()),
    };
    match name {
        "TimeoutError" => CoreError::new(
            ErrorKind::Timeout,
            format!(
                "Conduktor Console did not answer within {} ms; retry, or raise timeoutMs if your Console is slow",
                options.timeout_ms
            ),
        ),
        "AbortError" => CoreError::new(ErrorKind::Aborted, "the request was cancelled"),
        _ => CoreError::new(
            ErrorKind::Network,
            format!(
                "could not reach {url} ({detail}); check that the Backstage backend is running and that proxy.endpoints./conduktor is configured"
            ),
        ),
    }
}

/// Ties the caller's signal and the timeout to the signal given to fetch, and
/// unhooks the listener when the request is over.
struct AbortLink {
    signal: AbortSignal,
    caller: Option<(AbortSignal, Closure<dyn FnMut()>)>,
}

impl AbortLink {
    fn new(options: &CallOptions) -> Result<AbortLink, CoreError> {
        let internal = |what: &str| CoreError::new(ErrorKind::Network, format!("the browser refused to create {what}"));
        if options.signal.as_ref().is_some_and(AbortSignal::aborted) {
            return Err(CoreError::new(ErrorKind::Aborted, "the request was cancelled before it was sent"));
        }
        let controller = AbortController::new().map_err(|_| internal("an AbortController"))?;
        let timeout = AbortSignal::timeout_with_u32(options.timeout_ms);
        let signal = AbortSignal::any(&js_sys::Array::of2(&controller.signal(), &timeout));
        let caller = match &options.signal {
            None => None,
            Some(caller_signal) => {
                let on_abort = Closure::<dyn FnMut()>::new(move || controller.abort());
                caller_signal
                    .add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref())
                    .map_err(|_| internal("an abort listener"))?;
                Some((caller_signal.clone(), on_abort))
            }
        };
        Ok(AbortLink { signal, caller })
    }
}

impl Drop for AbortLink {
    fn drop(&mut self) {
        if let Some((caller_signal, on_abort)) = &self.caller {
            let _ = caller_signal.remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
    }
}
