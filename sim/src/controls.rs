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

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::api::AppState;

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
}

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
}

#[derive(Default)]
pub struct Controls {
    pub enabled: bool,
    faults: Mutex<Vec<Fault>>,
    log: Mutex<Vec<LoggedRequest>>,
}

/// Caps the request log: a long benchmark must not grow memory without bound.
const MAX_LOG: usize = 100_000;

pub fn fingerprint(token: &str) -> String {
    let mut hasher = DefaultHasher::new();
    token.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

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

pub async fn add_fault(State(state): State<Arc<AppState>>, Json(fault): Json<Fault>) -> Response {
    if fault.count == 0 || fault.path.is_empty() {
        return (StatusCode::BAD_REQUEST, Json(json!({ "title": "count must be at least 1 and path non-empty" })))
            .into_response();
    }
    if let Ok(mut faults) = state.controls.faults.lock() {
        faults.push(fault);
    }
    StatusCode::CREATED.into_response()
}

pub async fn clear_faults(State(state): State<Arc<AppState>>) -> StatusCode {
    if let Ok(mut faults) = state.controls.faults.lock() {
        faults.clear();
    }
    StatusCode::NO_CONTENT
}

pub async fn list_requests(State(state): State<Arc<AppState>>) -> Json<Value> {
    let log = state.controls.log.lock().map(|l| l.clone()).unwrap_or_default();
    Json(json!(log))
}

pub async fn clear_requests(State(state): State<Arc<AppState>>) -> StatusCode {
    if let Ok(mut log) = state.controls.log.lock() {
        log.clear();
    }
    StatusCode::NO_CONTENT
}

pub async fn auth_settings(State(state): State<Arc<AppState>>) -> Json<Value> {
    Json(state.verifier.describe())
}

pub async fn list_users(State(state): State<Arc<AppState>>) -> Json<Value> {
    Json(json!(state.users.list()))
}

pub async fn clear_users(State(state): State<Arc<AppState>>) -> StatusCode {
    state.users.clear();
    StatusCode::NO_CONTENT
}

/// Applies faults and records requests to the API (not to `/sim` or preflights).
pub async fn middleware(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if !state.controls.enabled || path.starts_with("/sim/") || request.method() == Method::OPTIONS {
        return next.run(request).await;
    }
    let method = request.method().clone();
    let query = request.uri().query().map(String::from);
    let token_fingerprint = crate::auth::bearer_token(request.headers()).ok().map(fingerprint);
    let user = crate::session::username(request.extensions());
    let fault = state.controls.take_fault(&method, &path);
    if let Some(delay) = fault.as_ref().and_then(|f| f.delay_ms) {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let real = next.run(request).await;
    let response = match &fault {
        Some(fault) => apply(fault, real).await,
        None => real,
    };
    state.controls.record(LoggedRequest {
        method: method.to_string(),
        path,
        query,
        status: response.status().as_u16(),
        user,
        token_fingerprint,
        response_bytes: response.body().size_hint().exact(),
        fault: fault.is_some(),
    });
    response
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
    };
    if let Some(seconds) = &fault.retry_after {
        if let Ok(value) = HeaderValue::from_str(seconds) {
            response.headers_mut().insert(RETRY_AFTER, value);
        }
    }
    response
}
