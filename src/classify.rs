//! Turns a non-2xx answer into a `CoreError`. Pure, so every status and body shape
//! is unit-tested natively.
//!
//! Two servers can answer with 401: Conduktor Console (`{"title": ...}`) and the
//! Backstage proxy in front of it (`{"error": {"name": "AuthenticationError"}}`).
//! They need opposite fixes, so they get different kinds.

use crate::error::{CoreError, ErrorKind};
use crate::wire::error_body::ErrorBody;

/// The proxy block the README documents; quoted in the proxy-rejected message.
pub const PROXY_FIX: &str = "set credentials: dangerously-allow-unauthenticated and allowedHeaders: [Authorization] on proxy.endpoints./conduktor in app-config.yaml";

/// Console's error body: `{title, msg?, cause?}`.
struct ConsoleErrorBody {
    title: String,
    msg: Option<String>,
    cause: Option<String>,
}

/// Backstage's serialised error: `{"error": {"name": ..., "message": ...}}`.
struct BackstageError {
    name: String,
    message: Option<String>,
}

enum Body {
    Console(ConsoleErrorBody),
    Backstage(BackstageError),
    Html,
    Other,
}

fn parse_json_body(body: ErrorBody<'_>) -> Option<Body> {
    if let Some(title) = body.title {
        return Some(Body::Console(ConsoleErrorBody {
            title: title.into_owned(),
            msg: body.msg.map(String::from),
            cause: body.cause.map(String::from),
        }));
    }
    let error = body.error?;
    Some(Body::Backstage(BackstageError { name: error.name?.into_owned(), message: error.message.map(String::from) }))
}

fn parse_body(content_type: Option<&str>, body: &str) -> Body {
    let trimmed = body.trim_start();
    if let Some(body) = serde_json::from_str::<ErrorBody>(trimmed).ok().and_then(parse_json_body) {
        return body;
    }
    if looks_like_html(content_type, trimmed) {
        Body::Html
    } else {
        Body::Other
    }
}

/// An HTML page, by its content type or its first bytes.
fn looks_like_html(content_type: Option<&str>, body: &str) -> bool {
    let html_type = content_type.is_some_and(|t| t.to_ascii_lowercase().contains("text/html"));
    // Byte slices: a `str` slice could split a multi-byte character and panic.
    let head = body.trim_start().as_bytes();
    html_type
        || [b"<!doc".as_slice(), b"<html".as_slice()]
            .iter()
            .any(|tag| head.get(..tag.len()).is_some_and(|start| start.eq_ignore_ascii_case(tag)))
}

/// `Retry-After` in delta-seconds. (An HTTP-date is rare on APIs and needs a
/// clock; the wasm layer passes it through `Date.parse` first.)
pub fn retry_after_ms(header: Option<&str>) -> Option<u64> {
    let seconds: u64 = header?.trim().parse().ok()?;
    // A JavaScript number holds it exactly only up to 2^53 - 1.
    seconds.checked_mul(1000).filter(|ms| *ms <= MAX_SAFE_INTEGER)
}

/// `Number.MAX_SAFE_INTEGER`.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Classifies a non-2xx response.
pub fn classify(status: u16, content_type: Option<&str>, body: &str, retry_after: Option<u64>) -> CoreError {
    let parsed = parse_body(content_type, body);
    let console_says = match &parsed {
        Body::Console(e) => format!(": Console says \"{}\"", shown_detail(e)),
        _ => String::new(),
    };
    let (kind, message) = match (status, &parsed) {
        (401, Body::Backstage(e)) if e.name == "AuthenticationError" => (
            ErrorKind::ProxyRejected,
            format!(
                "the Backstage proxy rejected the request before it reached Conduktor ({}{}): {PROXY_FIX}",
                e.name,
                e.message.as_deref().map(|m| format!(": {m}")).unwrap_or_default()
            ),
        ),
        (401, _) => (
            ErrorKind::Unauthorized,
            format!(
                "Conduktor Console did not accept your sign-in token (401{console_says}); sign in again, and if that does not help ask your Conduktor administrator to trust your identity provider (sso.jwt-auth.issuer)"
            ),
        ),
        (402, _) | (403, Body::Console(_)) if names_a_licence(&parsed) || status == 402 => (
            ErrorKind::LicenseRequired,
            format!("Conduktor Console's licence does not include this ({status}{console_says}); ask your Conduktor administrator about the Enterprise plan"),
        ),
        (403, _) => (
            ErrorKind::Forbidden,
            format!("Conduktor Console does not allow you to see this (403{console_says}); ask your Conduktor administrator for access"),
        ),
        (404, Body::Console(_)) => (
            ErrorKind::NotFound,
            format!("Conduktor Console has nothing by that name (404{console_says}); check the names in the entity's conduktor.io annotations"),
        ),
        (404, _) => (
            ErrorKind::NotFound,
            "the request was answered with 404 by something other than Conduktor Console; check that proxy.endpoints./conduktor exists and that its target ends in /api".to_string(),
        ),
        (429, _) => (
            ErrorKind::RateLimited,
            format!(
                "Conduktor Console is rate limiting requests (429{console_says}); retry {}",
                retry_after.map(|ms| format!("in {} s", ms.div_ceil(1000))).unwrap_or_else(|| "in a moment".into())
            ),
        ),
        (500..=599, Body::Html) => (
            ErrorKind::Server,
            format!("a gateway between Backstage and Conduktor Console answered {status} with an HTML error page; Console may be down or restarting, retry in a moment"),
        ),
        (500..=599, _) => (
            ErrorKind::Server,
            format!("Conduktor Console failed to answer ({status}{console_says}); retry in a moment, and tell your Conduktor administrator if it persists"),
        ),
        _ => (
            ErrorKind::Http,
            format!("Conduktor Console answered with an unexpected status {status}{console_says}"),
        ),
    };
    let mut error = CoreError::new(kind, message).with_status(status);
    if let Body::Console(body) = parsed {
        error.title = Some(body.title);
        error.msg = body.msg;
        error.cause = body.cause;
    }
    if matches!(kind, ErrorKind::RateLimited | ErrorKind::Server) {
        error.retry_after_ms = retry_after;
    }
    error
}

/// Whether Console's refusal names a licence or the Enterprise plan.
fn names_a_licence(body: &Body) -> bool {
    let Body::Console(body) = body else { return false };
    [Some(&body.title), body.msg.as_ref(), body.cause.as_ref()].into_iter().flatten().any(|text| {
        let text = text.to_ascii_lowercase();
        text.contains("licen") || text.contains("enterprise")
    })
}

/// A 2xx body that is a web page: the proxy reached something that serves pages, most
/// likely Console's own UI because the target lacks `/api`.
pub fn web_page_instead_of_api(body: &str) -> Option<CoreError> {
    looks_like_html(None, body).then(|| {
        CoreError::new(
            ErrorKind::Decode,
            "Conduktor Console answered with a web page instead of its API: the proxy target is probably Console's address without /api (as in Conduktor's own Backstage guide); set proxy.endpoints./conduktor.target to https://<console>/api, or keep the target and set conduktor.proxyPath: /conduktor/api",
        )
    })
}

/// Conduktor's own CLI shows `cause`, else `msg`, else `title`.
fn shown_detail(body: &ConsoleErrorBody) -> &str {
    [body.cause.as_deref(), body.msg.as_deref()]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .unwrap_or(&body.title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(status: u16, body: &str) -> ErrorKind {
        classify(status, Some("application/json"), body, None).kind
    }

    #[test]
    fn console_401_is_unauthorized_with_title() {
        let e = classify(401, None, r#"{"title":"The user is not authenticated"}"#, None);
        assert_eq!(e.kind, ErrorKind::Unauthorized);
        assert_eq!(e.status, Some(401));
        assert_eq!(e.title.as_deref(), Some("The user is not authenticated"));
        assert!(e.message.contains("sign in again"));
    }

    #[test]
    fn proxy_401_is_proxy_rejected_and_names_the_fix() {
        let body = r#"{"error":{"name":"AuthenticationError","message":"Illegal token"},"request":{"method":"GET","url":"/api/proxy/conduktor/x"},"response":{"statusCode":401}}"#;
        let e = classify(401, Some("application/json; charset=utf-8"), body, None);
        assert_eq!(e.kind, ErrorKind::ProxyRejected);
        assert!(e.message.contains("dangerously-allow-unauthenticated"));
        assert!(e.message.contains("allowedHeaders: [Authorization]"));
        assert!(e.message.contains("Illegal token"));
        assert_eq!(e.title, None);
    }

    #[test]
    fn statuses_map_to_kinds() {
        let console = r#"{"title":"t"}"#;
        assert_eq!(kind_of(403, console), ErrorKind::Forbidden);
        assert_eq!(kind_of(404, console), ErrorKind::NotFound);
        assert_eq!(kind_of(404, "Not Found"), ErrorKind::NotFound);
        assert_eq!(kind_of(429, console), ErrorKind::RateLimited);
        assert_eq!(kind_of(500, console), ErrorKind::Server);
        assert_eq!(kind_of(503, ""), ErrorKind::Server);
        assert_eq!(kind_of(400, console), ErrorKind::Http);
        assert_eq!(kind_of(409, console), ErrorKind::Http);
        assert_eq!(kind_of(418, ""), ErrorKind::Http);
    }

    #[test]
    fn console_detail_prefers_cause_then_msg() {
        let e = classify(403, None, r#"{"title":"T","msg":"M","cause":"C"}"#, None);
        assert!(e.message.contains("\"C\""));
        assert_eq!((e.msg.as_deref(), e.cause.as_deref()), (Some("M"), Some("C")));
        let e = classify(403, None, r#"{"title":"T","msg":"M","cause":" "}"#, None);
        assert!(e.message.contains("\"M\""));
    }

    #[test]
    fn licence_refusals_are_their_own_kind() {
        let e = classify(403, None, r#"{"title":"Self-service requires a Conduktor Enterprise license"}"#, None);
        assert_eq!(e.kind, ErrorKind::LicenseRequired);
        assert!(e.message.contains("Enterprise plan"), "{}", e.message);
        assert_eq!(
            classify(403, None, r#"{"title":"Forbidden","cause":"Licence expired"}"#, None).kind,
            ErrorKind::LicenseRequired
        );
        assert_eq!(classify(402, None, "", None).kind, ErrorKind::LicenseRequired);
        assert_eq!(
            classify(403, None, r#"{"title":"The user doesn't have sufficient privilege"}"#, None).kind,
            ErrorKind::Forbidden
        );
        assert_eq!(
            classify(403, None, "enterprise proxy says no", None).kind,
            ErrorKind::Forbidden,
            "only Console's own words count"
        );
    }

    #[test]
    fn a_web_page_with_200_names_the_missing_api_prefix() {
        let e = web_page_instead_of_api("\n<!DOCTYPE html><html><title>Conduktor</title></html>").unwrap();
        assert_eq!(e.kind, ErrorKind::Decode);
        assert!(
            e.message.contains("without /api") && e.message.contains("conduktor.proxyPath: /conduktor/api"),
            "{}",
            e.message
        );
        assert!(web_page_instead_of_api("[]").is_none());
    }

    #[test]
    fn html_gateway_page_is_a_server_error() {
        let e = classify(502, Some("text/html"), "<html><body>Bad Gateway</body></html>", None);
        assert_eq!(e.kind, ErrorKind::Server);
        assert!(e.message.contains("HTML error page"));
        let e = classify(502, None, "<!DOCTYPE html><html></html>", None);
        assert!(e.message.contains("HTML error page"));
    }

    #[test]
    fn retry_after_is_kept_for_429() {
        assert_eq!(retry_after_ms(Some(" 7 ")), Some(7000));
        assert_eq!(retry_after_ms(Some("soon")), None);
        assert_eq!(retry_after_ms(Some("99999999999999999999")), None);
        let e = classify(429, None, r#"{"title":"rate limit exceeded on Confluent API"}"#, Some(7000));
        assert_eq!(e.retry_after_ms, Some(7000));
        assert!(e.message.contains("in 7 s"));
    }

    #[test]
    fn odd_bodies_do_not_panic() {
        for body in ["", "{", "[]", "null", "\u{0}", "<", "<!do", "é<!DOCTYPE", "{\"title\":1}"] {
            let _ = classify(500, None, body, None);
            let _ = classify(401, Some("\u{1F600}"), body, None);
        }
    }
}
