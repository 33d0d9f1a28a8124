//! Test controls, served only with `--test-controls`:
//!
//! - `POST /sim/faults` makes the next `count` requests whose path contains `path`
//!   fail in a chosen way, so tests can inject faults even through the real
//!   Backstage proxy; `DELETE /sim/faults` clears them.
//! - `GET /sim/requests` lists the requests received (method, path, status, user,
//!   a short fingerprint of the token — never the token — and the response body
//!   size); `DELETE /sim/requests` clears the log.
//! - `GET /sim/users` lists the users provisioned from valid tokens, with when
//!   they were first and last seen; `DELETE /sim/users` forgets them.
//! - `GET /sim/auth` shows the trusted issuer, the claim names and how many
//!   times the issuer's keys were fetched.
//! - `GET /sim/inflight` counts API requests still being answered (from the
//!   moment they arrive until the last byte of the body is handed to the
//!   connection, or the client goes away), so a test can tell that nothing is
//!   left running after it cancelled requests; `DELETE /sim/inflight` resets the
//!   counters.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_ENCODING, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::caller::Caller;

/// How a faulty answer looks.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
pub enum FaultBody {
    /// Console's `{title}` error body.
    Console,
    /// A gateway's HTML error page.
    Html,
    /// `{"title": ` and nothing more.
    MalformedJson,
    /// The first half of the real answer.
    Truncated,
    /// No body at all.
    Empty,
    /// What the Backstage proxy itself answers when its route still has the default
    /// `credentials: require` (401 AuthenticationError), for the core's browser tests;
    /// the real proxy's answer is covered end to end.
    BackstageAuth,
    /// `Content-Encoding: gzip` over bytes that start like gzip and then are not:
    /// the browser fails to decode the body after the headers arrived.
    GzipCorrupt,
    /// The real answer (a JSON array) with its items repeated until the body is at
    /// least `sizeBytes` (default 20 000 000): valid JSON, many items.
    Large,
    /// The same `sizeBytes` of valid items, then a syntax error just before the end.
    LargeInvalid,
}

/// The default size of `large` and `large-invalid` bodies: 20 MB.
pub const LARGE_BODY_BYTES: usize = 20_000_000;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fault {
    /// Matches requests whose path contains this text.
    pub path: String,
    #[serde(default)]
    pub method: Option<String>,
    #[serde(default = "one")]
    pub count: u32,
    /// Status of the faulty answer; default: the real status (useful with `delayMs`
    /// or a `truncated` body).
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub body: Option<FaultBody>,
    #[serde(default)]
    pub delay_ms: Option<u64>,
    #[serde(default)]
    pub retry_after: Option<String>,
    /// Replaces the answer's `Content-Type` (an empty string removes it).
    #[serde(default)]
    pub content_type: Option<String>,
    /// Size of a `large` or `large-invalid` body in bytes.
    #[serde(default)]
    pub size_bytes: Option<usize>,
    /// Sends the status and headers at once and the body only after this delay:
    /// a client can abort after the response arrived but before its body did.
    #[serde(default)]
    pub body_delay_ms: Option<u64>,
    /// Answers a v1 search (a POST with `itemsPerPage`) as if it had asked for this
    /// many items per page: the real answer in smaller pages, so that a search spans
    /// several pages with the demo data (for tests that count a client's rounds).
    #[serde(default)]
    pub items_per_page: Option<u32>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub status: u16,
    pub user: Option<String>,
    /// A short, non-reversible fingerprint of the bearer token.
    pub token_fingerprint: Option<String>,
    pub response_bytes: Option<u64>,
    pub fault: bool,
    /// When the request arrived and when its answer was ready (before the body was
    /// sent), in milliseconds since the Unix epoch: which requests waited on others.
    pub received_at: f64,
    pub answered_at: f64,
}

/// Milliseconds since the Unix epoch, as a browser's `Date.now()` counts them.
fn epoch_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// The test controls' state: a cheap handle, shared by the middleware and the
/// `/sim` handlers.
#[derive(Default, Clone)]
pub struct Controls {
    pub enabled: bool,
    faults: Arc<Mutex<Vec<Fault>>>,
    log: Arc<Mutex<Vec<LoggedRequest>>>,
    in_flight: Arc<InFlight>,
}

/// Counters of API requests being answered (see `GET /sim/inflight`).
#[derive(Default)]
pub struct InFlight {
    running: AtomicU64,
    max_running: AtomicU64,
    started: AtomicU64,
    completed: AtomicU64,
    cancelled: AtomicU64,
}

impl InFlight {
    fn start(self: &Arc<Self>) -> Running {
        self.started.fetch_add(1, Ordering::SeqCst);
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.max_running.fetch_max(now, Ordering::SeqCst);
        Running { counters: self.clone(), finished: false }
    }

    fn snapshot(&self) -> Value {
        json!({
            "inFlight": self.running.load(Ordering::SeqCst),
            "maxInFlight": self.max_running.load(Ordering::SeqCst),
            "started": self.started.load(Ordering::SeqCst),
            "completed": self.completed.load(Ordering::SeqCst),
            "cancelled": self.cancelled.load(Ordering::SeqCst),
        })
    }

    fn reset(&self) {
        self.max_running.store(self.running.load(Ordering::SeqCst), Ordering::SeqCst);
        for counter in [&self.started, &self.completed, &self.cancelled] {
            counter.store(0, Ordering::SeqCst);
        }
    }
}

/// One request being answered. Dropped with `finished` unset (the client went away
/// while the simulator was still waiting, answering or sending the body), it counts
/// as cancelled.
struct Running {
    counters: Arc<InFlight>,
    finished: bool,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.counters.running.fetch_sub(1, Ordering::SeqCst);
        let counter = if self.finished { &self.counters.completed } else { &self.counters.cancelled };
        counter.fetch_add(1, Ordering::SeqCst);
    }
}

/// The answer's body, holding the request's `Running` until its last byte is
/// taken (and, with `bodyDelayMs`, held back until the delay has passed).
struct TrackedBody {
    inner: Body,
    delay: Option<Pin<Box<tokio::time::Sleep>>>,
    running: Running,
}

impl HttpBody for TrackedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<Bytes>, axum::Error>>> {
        if let Some(delay) = self.delay.as_mut() {
            if delay.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            self.delay = None;
        }
        let frame = Pin::new(&mut self.inner).poll_frame(cx);
        if matches!(frame, Poll::Ready(None)) || self.inner.is_end_stream() {
            self.running.finished = true;
        }
        frame
    }

    fn is_end_stream(&self) -> bool {
        self.delay.is_none() && self.inner.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}

/// Caps the request log: a long benchmark must not grow memory without bound.
const MAX_LOG: usize = 100_000;

impl Controls {
    pub fn new(enabled: bool) -> Controls {
        Controls { enabled, ..Default::default() }
    }

    fn take_fault(&self, method: &Method, path: &str) -> Option<Fault> {
        let mut faults = self.faults.lock().ok()?;
        let index = faults.iter().position(|f| {
            path.contains(&f.path) && f.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()))
        })?;
        let fault = faults[index].clone();
        faults[index].count -= 1;
        if faults[index].count == 0 {
            faults.remove(index);
        }
        Some(fault)
    }

    fn record(&self, entry: LoggedRequest) {
        if let Ok(mut log) = self.log.lock() {
            if log.len() < MAX_LOG {
                log.push(entry);
            }
        }
    }
}

pub async fn add_fault(State(controls): State<Controls>, Json(fault): Json<Fault>) -> Response {
    if fault.count == 0 || fault.path.is_empty() {
        return (StatusCode::BAD_REQUEST, Json(json!({ "title": "count must be at least 1 and path non-empty" })))
            .into_response();
    }
    if let Ok(mut faults) = controls.faults.lock() {
        faults.push(fault);
    }
    StatusCode::CREATED.into_response()
}

pub async fn clear_faults(State(controls): State<Controls>) -> StatusCode {
    if let Ok(mut faults) = controls.faults.lock() {
        faults.clear();
    }
    StatusCode::NO_CONTENT
}

pub async fn list_requests(State(controls): State<Controls>) -> Json<Value> {
    let log = controls.log.lock().map(|l| l.clone()).unwrap_or_default();
    Json(json!(log))
}

pub async fn clear_requests(State(controls): State<Controls>) -> StatusCode {
    if let Ok(mut log) = controls.log.lock() {
        log.clear();
    }
    StatusCode::NO_CONTENT
}

pub async fn in_flight(State(controls): State<Controls>) -> Json<Value> {
    Json(controls.in_flight.snapshot())
}

pub async fn reset_in_flight(State(controls): State<Controls>) -> StatusCode {
    controls.in_flight.reset();
    StatusCode::NO_CONTENT
}

/// Applies faults and records requests to the API (not to `/sim` or preflights).
pub async fn middleware(State(controls): State<Controls>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if !controls.enabled || path.starts_with("/sim/") || request.method() == Method::OPTIONS {
        return next.run(request).await;
    }
    let received_at = epoch_ms();
    let mut running = controls.in_flight.start();
    let method = request.method().clone();
    let query = request.uri().query().map(String::from);
    let caller = Caller::of(request.extensions());
    let token_fingerprint = caller.and_then(|c| c.token_fingerprint.clone());
    let user = caller.and_then(Caller::username).map(String::from);
    let fault = controls.take_fault(&method, &path);
    if let Some(delay) = fault.as_ref().and_then(|f| f.delay_ms) {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let request = match fault.as_ref().and_then(|f| f.items_per_page) {
        Some(items) if method == Method::POST => with_items_per_page(request, items).await,
        _ => request,
    };
    let real = next.run(request).await;
    let response = match &fault {
        Some(fault) => apply(fault, real).await,
        None => real,
    };
    controls.record(LoggedRequest {
        method: method.to_string(),
        path,
        query,
        status: response.status().as_u16(),
        user,
        token_fingerprint,
        response_bytes: response.body().size_hint().exact(),
        fault: fault.is_some(),
        received_at,
        answered_at: epoch_ms(),
    });
    let delay =
        fault.as_ref().and_then(|f| f.body_delay_ms).map(|ms| Box::pin(tokio::time::sleep(Duration::from_millis(ms))));
    let (parts, inner) = response.into_parts();
    if delay.is_none() && inner.is_end_stream() {
        running.finished = true;
    }
    Response::from_parts(parts, Body::new(TrackedBody { inner, delay, running }))
}

/// The request with its JSON body's `itemsPerPage` replaced (a body that is not a
/// JSON object is passed on unchanged, for the search to refuse as usual).
async fn with_items_per_page(request: Request, items: u32) -> Request {
    let (mut parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20).await.unwrap_or_default();
    let body = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(mut search)) => {
            search.insert("itemsPerPage".into(), json!(items));
            let rewritten = serde_json::to_vec(&search).unwrap_or_default();
            parts.headers.remove(axum::http::header::CONTENT_LENGTH);
            Bytes::from(rewritten)
        }
        _ => bytes,
    };
    Request::from_parts(parts, Body::from(body))
}

async fn apply(fault: &Fault, real: Response) -> Response {
    let status = fault.status.and_then(|s| StatusCode::from_u16(s).ok()).unwrap_or(real.status());
    let mut response = match &fault.body {
        None if fault.status.is_none() => real,
        None | Some(FaultBody::Console) => {
            let title = status.canonical_reason().unwrap_or("Simulated failure");
            (status, Json(json!({ "title": title, "msg": "injected by the simulator's test controls" })))
                .into_response()
        }
        Some(FaultBody::Html) => (
            status,
            [(CONTENT_TYPE, "text/html")],
            format!("<html><head><title>{status}</title></head><body><h1>{status}</h1><hr>nginx</body></html>"),
        )
            .into_response(),
        Some(FaultBody::MalformedJson) => {
            (status, [(CONTENT_TYPE, "application/json")], "{\"title\": ").into_response()
        }
        Some(FaultBody::Empty) => (status, Body::empty()).into_response(),
        Some(FaultBody::BackstageAuth) => (
            StatusCode::UNAUTHORIZED,
            Json(json!({
                "error": { "name": "AuthenticationError", "message": "Illegal token" },
                "request": { "method": "GET", "url": "/api/proxy/conduktor" },
                "response": { "statusCode": 401 }
            })),
        )
            .into_response(),
        Some(FaultBody::Truncated) => {
            let bytes = axum::body::to_bytes(real.into_body(), usize::MAX).await.unwrap_or_default();
            let half = bytes.slice(..bytes.len() / 2);
            (status, [(CONTENT_TYPE, "application/json")], half).into_response()
        }
        Some(FaultBody::GzipCorrupt) => {
            // A gzip member header (magic, deflate, no flags) followed by bytes that
            // are no valid deflate stream.
            let mut bytes = vec![0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];
            bytes.extend(std::iter::repeat_n(0xffu8, 64));
            (status, [(CONTENT_TYPE, "application/json"), (CONTENT_ENCODING, "gzip")], bytes).into_response()
        }
        Some(kind @ (FaultBody::Large | FaultBody::LargeInvalid)) => {
            let bytes = axum::body::to_bytes(real.into_body(), usize::MAX).await.unwrap_or_default();
            let size = fault.size_bytes.unwrap_or(LARGE_BODY_BYTES);
            let body = large_body(&bytes, size, *kind == FaultBody::LargeInvalid);
            (status, [(CONTENT_TYPE, "application/json")], body).into_response()
        }
    };
    if let Some(content_type) = &fault.content_type {
        if content_type.is_empty() {
            response.headers_mut().remove(CONTENT_TYPE);
        } else if let Ok(value) = HeaderValue::from_str(content_type) {
            response.headers_mut().insert(CONTENT_TYPE, value);
        }
    }
    if let Some(seconds) = &fault.retry_after {
        if let Ok(value) = HeaderValue::from_str(seconds) {
            response.headers_mut().insert(RETRY_AFTER, value);
        }
    }
    response
}

/// At least `size` bytes of JSON: the items of `real` (a JSON array) repeated, or
/// `real` followed by whitespace when it is not an array with items. `invalid`
/// replaces the last item's separator with a syntax error, so a reader only finds
/// the fault at the very end.
pub fn large_body(real: &[u8], size: usize, invalid: bool) -> Vec<u8> {
    let items: Vec<Vec<u8>> = match serde_json::from_slice::<Value>(real) {
        Ok(Value::Array(items)) if !items.is_empty() => {
            items.iter().map(|item| serde_json::to_vec(item).unwrap_or_default()).collect()
        }
        _ => {
            let mut body = real.to_vec();
            body.resize(size.max(real.len()), b' ');
            if invalid {
                body.extend_from_slice(b"!");
            }
            return body;
        }
    };
    let mut body = Vec::with_capacity(size + 4096);
    body.push(b'[');
    for item in items.iter().cycle() {
        if body.len() > 1 {
            body.push(b',');
        }
        body.extend_from_slice(item);
        if body.len() + 1 >= size {
            break;
        }
    }
    if invalid {
        body.extend_from_slice(b",!");
    }
    body.push(b']');
    body
}
