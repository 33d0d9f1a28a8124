//! A small JSON writer: view models become one JSON text that JavaScript turns into
//! plain objects with a single `JSON.parse`, the fastest way to build many objects
//! from wasm. Fields are listed as `&dyn ToJson`, so each view model costs one short
//! function rather than a serializer instantiated per type.

use super::number::Number;

pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// Unknown values (`None`) are left out of objects rather than written as `null`:
    /// fewer bytes for `JSON.parse` and fewer properties on every object.
    fn is_absent(&self) -> bool {
        false
    }
}

/// Writes `{"name": value, ...}` in the given order, leaving out absent values.
pub fn object(out: &mut String, fields: &[(&str, &dyn ToJson)]) {
    out.push('{');
    let mut first = true;
    for (name, value) in fields {
        if value.is_absent() {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        // Field names are identifiers chosen here: nothing to escape.
        out.push('"');
        out.push_str(name);
        out.push_str("\":");
        value.write_json(out);
    }
    out.push('}');
}

/// The JSON text of `value`.
pub fn to_string(value: &dyn ToJson) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// A JSON string literal; quotes, backslashes and control characters are escaped,
/// everything else is copied in runs (most strings have nothing to escape).
pub fn string(out: &mut String, value: &str) {
    out.push('"');
    let mut rest = value;
    while let Some(at) = rest.bytes().position(|b| b == b'"' || b == b'\\' || b < 0x20) {
        let (run, tail) = rest.split_at_checked(at).unwrap_or((rest, ""));
        out.push_str(run);
        let mut tail = tail.chars();
        match tail.next() {
            Some('"') => out.push_str("\\\""),
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some(c) => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize >> 4) & 0xf] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            None => {}
        }
        rest = tail.as_str();
    }
    out.push_str(rest);
    out.push('"');
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for &str {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for Number {
    fn write_json(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

impl ToJson for u16 {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: ToJson> ToJson for &[T] {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        array(out, &mut self.iter().map(|item| item as &dyn ToJson));
    }
}

/// The `,` before an item of an array being written item by item (after its `[`),
/// except before the first.
pub fn item_separator(out: &mut String) {
    if !out.ends_with('[') {
        out.push(',');
    }
}

/// `[item, ...]`: one loop for every list type.
fn array(out: &mut String, items: &mut dyn Iterator<Item = &dyn ToJson>) {
    out.push('[');
    for (index, item) in items.enumerate() {
        if index > 0 {
            out.push(',');
        }
        item.write_json(out);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::read::{parse, Json};

    #[test]
    fn writes_objects_in_order() {
        let none: Option<String> = None;
        let mut out = String::new();
        object(
            &mut out,
            &[
                ("name", &"x"),
                ("n", &Number::parse("1.5e3")),
                ("missing", &none),
                ("ok", &true),
                ("list", &vec!["p".to_string(), "q".to_string()]),
                ("empty", &Vec::<String>::new()),
            ],
        );
        assert_eq!(out, r#"{"name":"x","n":1.5e3,"ok":true,"list":["p","q"],"empty":[]}"#, "None is left out");
        let mut only_absent = String::new();
        object(&mut only_absent, &[("a", &none), ("b", &none)]);
        assert_eq!(only_absent, "{}");
    }

    #[test]
    fn strings_round_trip_through_the_reader() {
        for text in
            ["", "plain", "quote\" back\\slash", "\n\r\t\u{1}\u{1f}\u{7f}", "é€😀", "</script><img src=x>", "\u{2028}"]
        {
            let written = to_string(&text);
            assert_eq!(parse(&written).unwrap(), Json::String(text.into()), "{written}");
        }
    }
}
