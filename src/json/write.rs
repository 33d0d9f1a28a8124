//! A small JSON writer: view models become one JSON text that JavaScript turns into
//! plain objects with a single `JSON.parse`, the fastest way to build many objects
//! from wasm. Fields are listed as `&dyn ToJson`, so each view model costs one short
//! function rather than a serializer instantiated per type.

use super::number::Number;

pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// Writes `{"name": value, ...}` in the given order.
pub fn object(out: &mut String, fields: &[(&str, &dyn ToJson)]) {
    out.push('{');
    for (index, (name, value)) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        string(out, name);
        out.push(':');
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

/// A JSON string literal; control characters are escaped, everything else is kept.
pub fn string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
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
        assert_eq!(out, r#"{"name":"x","n":1.5e3,"missing":null,"ok":true,"list":["p","q"],"empty":[]}"#);
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
