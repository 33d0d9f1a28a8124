//! Structured logs with `tracing`: one event per request (method, path, status,
//! user, a fingerprint of the token, duration) and events for token refusals and
//! key fetches. No event carries a token, a header value or a query string.
//! `RUST_LOG` sets the filter (default `info`); `--log-format json` prints JSON lines.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use clap::ValueEnum;
use tracing_subscriber::EnvFilter;

use crate::caller::Caller;

#[derive(Debug, Clone, Copy, PartialEq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Installs the global subscriber, writing to stderr.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

pub async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let caller = Caller::of(request.extensions()).cloned();
    let response = next.run(request).await;
    let user = caller.as_ref().and_then(Caller::username).unwrap_or("-");
    let token_fingerprint = caller.as_ref().and_then(|c| c.token_fingerprint.as_deref()).unwrap_or("-");
    tracing::info!(
        %method,
        %path,
        status = response.status().as_u16(),
        user,
        token_fingerprint,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}
