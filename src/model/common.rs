//! Pieces shared by the resource models.

use crate::error::{CoreError, ErrorKind};
use crate::json::{self, ItemsError, Json, Number, ToJson};

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
    .map_err(|e| list_error(what, e))?;
    Ok(items)
}

/// Writes a JSON array answer as the JSON array of its view models, one item at a
/// time: the list never exists as structs, so a call's memory stays near the body
/// plus the output text (the lists the card gets whole: clusters, topics, groups).
pub fn write_list<'a>(
    body: &'a str,
    what: &str,
    out: &mut String,
    write_item: &mut dyn FnMut(&Json<'a>, &mut String) -> Result<(), String>,
) -> Result<(), CoreError> {
    out.push('[');
    json::for_each_item(body, &mut |item| {
        json::item_separator(out);
        write_item(&item, out)
    })
    .map_err(|e| list_error(what, e))?;
    out.push(']');
    Ok(())
}

fn list_error(what: &str, error: ItemsError) -> CoreError {
    match error {
        ItemsError::Syntax(syntax) => decode_error(what, &syntax.describe()),
        ItemsError::Item { index, why } => decode_error(what, &format!("item {index}: {why}")),
    }
}

/// `metadata.name` (or another required string) of a resource.
pub fn required_string(value: &Json, parent: &str, key: &str) -> Result<String, String> {
    value
        .get(parent)
        .and_then(|p| p.str_at(key))
        .map(String::from)
        .ok_or_else(|| format!("{parent}.{key} is not a string"))
}

/// Console labels (`map<string,string>`), in the order Console sent them. A list
/// rather than a map: a few entries, and no tree or sort code in the wasm.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labels(Vec<(String, String)>);

impl Labels {
    /// Keeps string-valued labels; anything else (null, numbers from a hand-edited
    /// resource) is dropped rather than failing. A repeated key keeps its last value.
    pub fn decode(labels: Option<&Json>) -> Labels {
        let mut kept = Labels::default();
        for (key, value) in labels.and_then(Json::as_object).unwrap_or_default() {
            if let Some(value) = value.as_str() {
                kept.0.retain(|(k, _)| k != key);
                kept.0.push((key.to_string(), value.to_string()));
            }
        }
        kept
    }

    pub fn get(&self, key: &str) -> Option<&String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl ToJson for Labels {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (index, (key, value)) in self.0.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            key.write_json(out);
            out.push(':');
            value.write_json(out);
        }
        out.push('}');
    }
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
    // No indexing (no slicing panic path) and no substring searcher in the wasm.
    let Some((scheme, rest)) = url.split_once(':').and_then(|(scheme, rest)| Some((scheme, rest.strip_prefix("//")?)))
    else {
        return url.to_string();
    };
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(end) => rest.split_at_checked(end).unwrap_or((rest, "")),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((_userinfo, host)) => format!("{scheme}://{host}{path}"),
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
