//! The only place that talks to the network: one request through the browser's
//! native `fetch` (the global one, so it works in windows and workers alike), with
//! the token in the `Authorization` header and nowhere else.
//!
//! Cancellation: fetch gets `AbortSignal.any([caller's signal, AbortSignal.timeout])`.
//! A rejection can carry any abort reason (`controller.abort("x")` rejects with the
//! string "x"), so its kind is decided from which signal fired, not from the value.

use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestCredentials, RequestInit, Response};

use crate::cache::{shared, Key};
use crate::classify::{classify, retry_after_ms};
use crate::error::{CoreError, ErrorKind};
use crate::options::CallOptions;
use crate::request::Token;

#[wasm_bindgen]
extern "C" {
    /// `globalThis.fetch`: `window.fetch` or `WorkerGlobalScope.fetch`. Called with the
    /// URL and an init object: building a `Request` first cost more than the fetch.
    #[wasm_bindgen(js_name = fetch)]
    fn global_fetch(url: &str, init: &RequestInit) -> js_sys::Promise;
}

/// GETs `url` and returns the body of a 2xx answer; anything else is a `CoreError`.
/// Identical concurrent requests are shared and answers cached (see `cache`).
pub async fn get_text(url: &str, token: &Token, options: &CallOptions) -> Result<String, CoreError> {
    request("GET", url, None, token, options).await
}

/// POSTs a JSON body (Console's v1 searches, which only read) and returns the body
/// of a 2xx answer, shared and cached like `get_text`.
pub async fn post_json(url: &str, body: String, token: &Token, options: &CallOptions) -> Result<String, CoreError> {
    request("POST", url, Some(&body), token, options).await
}

/// One function for both methods, so the sharing and caching state machine exists
/// once in the wasm.
async fn request(
    method: &'static str,
    url: &str,
    body: Option<&str>,
    token: &Token,
    options: &CallOptions,
) -> Result<String, CoreError> {
    // An aborted call never resolves, not even from the cache.
    if options.signal.as_ref().is_some_and(AbortSignal::aborted) {
        return Err(CoreError::new(ErrorKind::Aborted, "the request was cancelled before it was sent"));
    }
    let key = Key::new(token, method, url, body);
    shared(key, options.cache_ttl_ms, options.refresh, js_sys::Date::now, || send(method, url, body, token, options))
        .await
}

async fn send(
    method: &str,
    url: &str,
    body: Option<&str>,
    token: &Token,
    options: &CallOptions,
) -> Result<String, CoreError> {
    let timeout = AbortSignal::timeout_with_u32(options.timeout_ms);
    let signal = match &options.signal {
        Some(caller) => AbortSignal::any(&js_sys::Array::of2(caller, &timeout)),
        None => timeout.clone(),
    };
    let failed = |error: JsValue| fetch_failed(&error, url, options, &timeout, None);
    let init = build(method, url, body, token, &signal)?;
    let response: Response = JsFuture::from(global_fetch(url, &init)).await.map_err(failed)?.unchecked_into();
    let status = response.status();
    let failed = |error: JsValue| fetch_failed(&error, url, options, &timeout, Some(status));
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let content_type = header("content-type");
    let retry_after = retry_after_ms(header("retry-after").as_deref());
    // The body's bytes are copied into wasm memory in one `Uint8Array.set`; reading
    // `text()` instead had the glue re-encode it character by character (the
    // benchmark's largest cost on big lists).
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?;
    let body = String::from_utf8(js_sys::Uint8Array::new(&buffer).to_vec());
    if (200..300).contains(&status) {
        body.map_err(|_| {
            CoreError::new(
                ErrorKind::Decode,
                "an answer is not UTF-8 text, so not Conduktor Console's; check that the proxy target points at Console",
            )
        })
    } else {
        Err(classify(status, content_type.as_deref(), &body.unwrap_or_default(), retry_after))
    }
}

fn build(
    method: &str,
    url: &str,
    body: Option<&str>,
    token: &Token,
    signal: &AbortSignal,
) -> Result<RequestInit, CoreError> {
    let invalid = |_| CoreError::invalid_input(format!("the request to {url} could not be built; check proxyBase"));
    let headers = Headers::new().map_err(invalid)?;
    headers.append("Authorization", &token.bearer_header()).map_err(invalid)?;
    headers.append("Accept", "application/json").map_err(invalid)?;
    let init = RequestInit::new();
    init.set_method(method);
    // The proxy needs no cookies; the IdP token is the only credential sent.
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(Some(signal));
    if let Some(json) = body {
        headers.append("Content-Type", "application/json").map_err(invalid)?;
        init.set_body(&JsValue::from_str(json));
    }
    init.set_headers(&headers);
    Ok(init)
}

/// A fetch rejection as an error kind. The value may be any JavaScript value, so the
/// signals say whether it was the caller or the timeout. `status` is set when the
/// answer had begun and its body then failed.
fn fetch_failed(
    error: &JsValue,
    url: &str,
    options: &CallOptions,
    timeout: &AbortSignal,
    status: Option<u16>,
) -> CoreError {
    let error = error.dyn_ref::<js_sys::Error>();
    let name = error.map(|e| String::from(e.name())).unwrap_or_default();
    if options.signal.as_ref().is_some_and(AbortSignal::aborted) {
        return CoreError::new(ErrorKind::Aborted, "the request was cancelled");
    }
    if timeout.aborted() || name == "TimeoutError" {
        return CoreError::new(
            ErrorKind::Timeout,
            format!(
                "Conduktor Console did not answer within {} ms; retry, or raise timeoutMs if your Console is slow",
                options.timeout_ms
            ),
        );
    }
    if name == "AbortError" {
        return CoreError::new(ErrorKind::Aborted, "the request was cancelled");
    }
    let detail = error.map(|e| String::from(e.message())).unwrap_or_else(|| "no details".into());
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
