//! Pieces shared by the resource models.

use std::collections::BTreeMap;

use crate::error::{CoreError, ErrorKind};
use crate::json::{self, ItemsError, Json, Number};

/// A body that does not decode: says which answer, where, and the usual cause.
pub fn decode_error(what: &str, detail: &str) -> CoreError {
    CoreError::new(
        ErrorKind::Decode,
        format!("{what} is not what Conduktor Console sends ({detail}); check that the proxy target points at Console and ends in /api"),
    )
}

/// Parses a whole answer.
pub fn parse<'a>(body: &'a str, what: &str) -> Result<Json<'a>, CoreError> {
    json::parse(body).map_err(|e| decode_error(what, &e.describe()))
}

/// Decodes an answer that is a JSON array, one item at a time.
pub fn decode_list<'a, T>(
    body: &'a str,
    what: &str,
    decode: &dyn Fn(&Json<'a>) -> Result<T, String>,
) -> Result<Vec<T>, CoreError> {
    let mut items = Vec::new();
    json::for_each_item(body, &mut |item| {
        items.push(decode(&item)?);
        Ok(())
    })
    .map_err(|e| match e {
        ItemsError::Syntax(syntax) => decode_error(what, &syntax.describe()),
        ItemsError::Item { index, why } => decode_error(what, &format!("item {index}: {why}")),
    })?;
    Ok(items)
}

/// `metadata.name` (or another required string) of a resource.
pub fn required_string(value: &Json, parent: &str, key: &str) -> Result<String, String> {
    value
        .get(parent)
        .and_then(|p| p.str_at(key))
        .map(String::from)
        .ok_or_else(|| format!("{parent}.{key} is not a string"))
}

/// Keeps string-valued labels; Console's labels are `map<string,string>`, anything
/// else (null, numbers from a hand-edited resource) is dropped rather than failing.
pub fn string_labels(labels: Option<&Json>) -> BTreeMap<String, String> {
    labels
        .and_then(Json::as_object)
        .unwrap_or_default()
        .iter()
        .filter_map(|(k, v)| Some((k.to_string(), v.as_str()?.to_string())))
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

/// A finite JSON number, or `None` for anything else.
pub fn number(value: Option<&Json>) -> Option<Number> {
    value.and_then(Json::as_number).and_then(Number::parse)
}

/// A JSON string, or `None` for null, numbers and the rest.
pub fn text(value: Option<&Json>) -> Option<String> {
    value.and_then(Json::as_str).map(String::from)
}
