//! `--openapi FILE`: every request to Console's API (`/api/public/...` or
//! `/public/...`, but the OpenAPI document itself) is checked against Console's
//! OpenAPI document — an operation for its method and path, its path and query
//! parameters, its JSON body — and so is the simulator's answer: a status the
//! operation documents, and the JSON schema of that status. Each violation is
//! logged and kept for `GET /sim/conformance`, with the operation, the part, a
//! JSON pointer and what is wrong; never the token, and answers' values masked.

use std::sync::{Arc, Mutex};

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use conduktor_sim::contract::{self, Contract, Violation};
use serde::Serialize;
use serde_json::{json, Value};

use crate::auth::bearer_token;
use crate::error::BAD_REQUEST;

/// Bodies are read whole to be checked; a client sending more is refused.
const MAX_REQUEST_BODY: usize = 16 * 1024 * 1024;
/// Caps what is kept: a long benchmark against a broken client must not grow
/// memory without bound (the rest are counted as `dropped`).
const MAX_KEPT: usize = 10_000;

pub struct Conformance {
    /// The document's file, as given on the command line.
    document: String,
    contract: Contract,
    record: Mutex<Record>,
}

#[derive(Default)]
struct Record {
    checked: u64,
    dropped: u64,
    violations: Vec<Entry>,
}

/// One violation, as `GET /sim/conformance` lists it.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    /// The document's `operationId`; `null` when no operation matches.
    operation: Option<String>,
    method: String,
    path: String,
    /// The simulator's answer's status.
    status: u16,
    #[serde(flatten)]
    violation: Violation,
}

impl Conformance {
    pub fn load(file: &std::path::Path) -> Result<Conformance, String> {
        let contract = Contract::load(file).map_err(|e| format!("--openapi {e}"))?;
        Ok(Conformance { document: file.display().to_string(), contract, record: Mutex::default() })
    }

    pub fn report(&self) -> Value {
        let record = self.record.lock().map(|r| (r.checked, r.dropped, r.violations.clone()));
        let (checked, dropped, violations) = record.unwrap_or_default();
        json!({ "document": self.document, "checked": checked, "dropped": dropped, "violations": violations })
    }

    pub fn clear(&self) {
        if let Ok(mut record) = self.record.lock() {
            *record = Record::default();
        }
    }

    fn keep(&self, entries: Vec<Entry>) {
        for entry in &entries {
            let violation = &entry.violation;
            tracing::warn!(
                operation = entry.operation.as_deref().unwrap_or("-"),
                part = ?violation.part,
                pointer = %violation.pointer,
                what = %violation.what,
                "contract violation"
            );
        }
        if let Ok(mut record) = self.record.lock() {
            record.checked += 1;
            let room = MAX_KEPT.saturating_sub(record.violations.len());
            record.dropped += entries.len().saturating_sub(room) as u64;
            record.violations.extend(entries.into_iter().take(room));
        }
    }
}

/// The document's path of a public API request (without Console's `/api`
/// prefix); `None` for the simulator's own routes and for the document itself.
fn document_path(path: &str) -> Option<&str> {
    let path = if path.starts_with("/api/public/") { &path[4..] } else { path };
    (path.starts_with("/public/") && path != "/public/docs/docs.yaml").then_some(path)
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok())
}

pub async fn middleware(State(checks): State<Arc<Conformance>>, request: Request, next: Next) -> Response {
    let Some(path) = document_path(request.uri().path()).map(String::from) else {
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    let Ok(body) = to_bytes(body, MAX_REQUEST_BODY).await else {
        return BAD_REQUEST.with_msg("the body could not be read, or is over 16 MB").into_response();
    };
    let method = parts.method.to_string();
    let query = parts.uri.query().map(String::from);
    let received_path = parts.uri.path().to_string();
    let request_content_type = content_type(&parts.headers).map(String::from);
    // Only to keep the token out of what is recorded.
    let token = bearer_token(&parts.headers).ok().map(String::from);
    let response = next.run(Request::from_parts(parts, Body::from(body.clone()))).await;
    let (response_parts, response_body) = response.into_parts();
    let response_body = to_bytes(response_body, usize::MAX).await.unwrap_or_else(|_| Bytes::new());
    let status = response_parts.status.as_u16();
    let exchange = contract::Request {
        method: &method,
        path: &path,
        query: query.as_deref(),
        content_type: request_content_type.as_deref(),
        body: &body,
    };
    let answer = (status, content_type(&response_parts.headers), &response_body[..]);
    let (operation, violations) = checks.contract.check_exchange(&exchange, Some(answer));
    let scrub = |text: String| match &token {
        Some(token) => text.replace(token.as_str(), "<token>"),
        None => text,
    };
    let entries = violations
        .into_iter()
        .map(|mut violation| {
            violation.what = scrub(violation.what);
            violation.pointer = scrub(violation.pointer);
            Entry {
                operation: operation.map(String::from),
                method: method.clone(),
                path: scrub(received_path.clone()),
                status,
                violation,
            }
        })
        .collect();
    checks.keep(entries);
    Response::from_parts(response_parts, Body::from(response_body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_console_paths_only() {
        assert_eq!(document_path("/api/public/console/v2/kafka-cluster"), Some("/public/console/v2/kafka-cluster"));
        assert_eq!(document_path("/public/v1/clusters/x/topics"), Some("/public/v1/clusters/x/topics"));
        assert_eq!(document_path("/api/public/docs/docs.yaml"), None);
        assert_eq!(document_path("/idp/token"), None);
        assert_eq!(document_path("/sim/conformance"), None);
        assert_eq!(document_path("/api/publicx"), None);
    }
}
