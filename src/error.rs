//! The one error type of the core. Every failure the card can show is a `CoreError`
//! with a stable `kind` the TypeScript shim switches on, the HTTP status when there
//! was a response, Console's own `title`/`msg`/`cause` when it sent them, and a
//! message that says what went wrong and what to do about it.
//!
//! Messages are built from the URL, the status and the server's answer. The token is
//! never an input here; and since a server may quote it back, every error that leaves
//! a request passes through `Token::redact` (see `credentials`).

use std::fmt;

use serde::Serialize;
use serde_with::skip_serializing_none;

/// Stable error kinds, serialised in kebab-case for JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "ConduktorErrorKind"))]
pub enum ErrorKind {
    /// The caller passed something the core refuses before any request.
    InvalidInput,
    /// Console's 401: no valid token.
    Unauthorized,
    /// The Backstage proxy's own 401: the request never reached Console.
    ProxyRejected,
    /// Console's 403: the user's RBAC does not allow this.
    Forbidden,
    /// 402, or a 403 naming a licence or the Enterprise plan: Console's plan does not
    /// include this (self-service kinds are Enterprise-only from Console 1.43).
    LicenseRequired,
    /// 404.
    NotFound,
    /// 429.
    RateLimited,
    /// 5xx, including HTML error pages from a gateway.
    Server,
    /// Any other non-2xx status.
    Http,
    /// The request could not be sent or the connection broke.
    Network,
    /// The request took longer than `timeoutMs`.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A 2xx answer whose body is not what Console sends.
    Decode,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid-input",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::ProxyRejected => "proxy-rejected",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::LicenseRequired => "license-required",
            ErrorKind::NotFound => "not-found",
            ErrorKind::RateLimited => "rate-limited",
            ErrorKind::Server => "server",
            ErrorKind::Http => "http",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Decode => "decode",
        }
    }
}

/// A failure. Serialised (without `message`, which becomes the JavaScript `Error`'s
/// own message) as the details of a `ConduktorError`.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "ConduktorErrorDetails", optional_fields))]
pub struct CoreError {
    pub kind: ErrorKind,
    #[serde(skip)]
    pub message: String,
    /// The HTTP status, when there was an answer.
    pub status: Option<u16>,
    /// Console's error `title`, when the body was Console's error shape.
    pub title: Option<String>,
    /// Console's error `msg`.
    pub msg: Option<String>,
    /// Console's error `cause`.
    pub cause: Option<String>,
    /// From a `Retry-After` header on 429 and 5xx, in milliseconds.
    pub retry_after_ms: Option<u64>,
}

impl CoreError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CoreError {
            kind,
            message: message.into(),
            status: None,
            title: None,
            msg: None,
            cause: None,
            retry_after_ms: None,
        }
    }

    pub fn invalid_input(message: impl Into<String>) -> Self {
        CoreError::new(ErrorKind::InvalidInput, message)
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Every text of the error, for redaction.
    pub(crate) fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
        std::iter::once(&mut self.message)
            .chain([&mut self.title, &mut self.msg, &mut self.cause].into_iter().flatten())
    }
}

/// Echoes user input in a message without flooding it: at most `max` characters.
pub fn shorten(value: &str, max: usize) -> String {
    match value.char_indices().nth(max) {
        Some((end, _)) => [value.get(..end).unwrap_or_default(), "…"].concat(),
        None => value.to_string(),
    }
}

impl fmt::Display for CoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.kind.as_str())
    }
}

impl std::error::Error for CoreError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_by_characters() {
        assert_eq!(shorten("abc", 3), "abc");
        assert_eq!(shorten("abcd", 3), "abc…");
        assert_eq!(shorten("ééééé", 2), "éé…");
        assert_eq!(shorten("", 0), "");
        assert_eq!(shorten("x", 0), "…");
    }

    #[test]
    fn serialises_the_details_without_the_message() {
        let mut error = CoreError::new(ErrorKind::RateLimited, "slow down").with_status(429);
        error.retry_after_ms = Some(7000);
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"kind":"rate-limited","status":429,"retryAfterMs":7000}"#
        );
        assert!(ErrorKind::InvalidInput.as_str() == "invalid-input");
    }
}
