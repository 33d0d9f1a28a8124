//! Pieces shared by the resource models.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::{CoreError, ErrorKind};

/// A body that does not decode: says which answer and hints at the usual cause.
pub fn decode_error(what: &str, error: &serde_json::Error) -> CoreError {
    CoreError::new(
        ErrorKind::Decode,
        format!("{what} is not what Conduktor Console sends ({error}); check that the proxy target points at Console and ends in /api"),
    )
}

/// Keeps string-valued labels; Console's labels are `map<string,string>`, anything
/// else (null, numbers from a hand-edited resource) is dropped rather than failing.
pub fn string_labels(labels: Option<BTreeMap<String, Value>>) -> BTreeMap<String, String> {
    labels
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, v)| match v {
            Value::String(s) => Some((k, s)),
            _ => None,
        })
        .collect()
}

/// Only hex colours reach the page's CSS: anything else (`url(...)`, `expression(...)`,
/// named colours with injected declarations) is dropped.
pub fn is_hex_colour(value: &str) -> bool {
    let Some(hex) = value.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 4 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `https://user:pw@host/x` → `https://host/x`.
pub fn strip_userinfo(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let authority_start = scheme_end + 3;
    let rest = &url[authority_start..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}{}", &url[..authority_start], &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// A JSON number as `f64` (JavaScript's number), or `None` for anything else.
pub fn number(value: &Value) -> Option<f64> {
    value.as_f64().filter(|n| n.is_finite())
}

/// A JSON string, or `None` for null, numbers and the rest.
pub fn text(value: Option<Value>) -> Option<String> {
    match value {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}
