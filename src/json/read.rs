//! A small JSON reader for Console's answers.
//!
//! Why not serde: serde's derive generates a visitor per struct and per format, and
//! with serde-wasm-bindgen on the way out it made up most of the core's wasm. This
//! reader builds one borrowed tree per item (strings without escapes are not
//! copied, numbers stay text), and the decoders pick the fields they show, so
//! anything they do not name (credentials included) is never copied anywhere.
//!
//! It never panics: every index is checked, nesting is limited, and invalid UTF-16
//! escapes become U+FFFD.

use std::borrow::Cow;

use super::number::scan_number;

/// Deeper nesting than any Console answer, shallow enough for the wasm stack.
const MAX_DEPTH: usize = 64;

/// A parsed JSON value borrowing from the text it came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// The number's text, already checked against JSON's grammar.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in document order; `get` takes the last of duplicate keys, as `JSON.parse` does.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// Where and why a text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub expected: &'static str,
}

impl SyntaxError {
    pub fn describe(&self) -> String {
        format!("expected {} at byte {}", self.expected, self.offset)
    }
}

impl<'a> Json<'a> {
    /// The member `key` of an object; `None` for other values and missing keys.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&'a str> {
        match self {
            Json::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Json<'a>)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// `self[key]` as a string, `None` when missing, null or another type.
    pub fn str_at(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Json::as_str)
    }
}

/// Parses a whole document.
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut parser = Parser { text, pos: 0 };
    let value = parser.value(0)?;
    parser.end()?;
    Ok(value)
}

/// Parses a document that must be an array, handing each item to `each` as soon as
/// it is read, so a list of 100 000 topics never exists as one tree.
pub fn for_each_item<'a>(
    text: &'a str,
    each: &mut dyn FnMut(Json<'a>) -> Result<(), String>,
) -> Result<(), ItemsError> {
    let mut parser = Parser { text, pos: 0 };
    parser.skip_whitespace();
    parser.expect(b'[', "an array").map_err(ItemsError::Syntax)?;
    parser.skip_whitespace();
    if parser.eat(b']') {
        return parser.end().map_err(ItemsError::Syntax);
    }
    let mut index = 0;
    loop {
        let item = parser.value(1).map_err(ItemsError::Syntax)?;
        each(item).map_err(|why| ItemsError::Item { index, why })?;
        index += 1;
        parser.skip_whitespace();
        if parser.eat(b']') {
            return parser.end().map_err(ItemsError::Syntax);
        }
        parser.expect(b',', "',' or ']'").map_err(ItemsError::Syntax)?;
    }
}

/// Why `for_each_item` stopped.
#[derive(Debug, PartialEq)]
pub enum ItemsError {
    Syntax(SyntaxError),
    /// The item at `index` is JSON but not what the decoder needs.
    Item {
        index: usize,
        why: String,
    },
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    #[inline(always)]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    #[inline(always)]
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn error(&self, expected: &'static str) -> SyntaxError {
        SyntaxError { offset: self.pos, expected }
    }

    #[inline(always)]
    fn expect(&mut self, byte: u8, expected: &'static str) -> Result<(), SyntaxError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn end(&mut self) -> Result<(), SyntaxError> {
        self.skip_whitespace();
        if self.pos == self.bytes().len() {
            Ok(())
        } else {
            Err(self.error("the end of the document"))
        }
    }

    fn literal(&mut self, word: &'static str, value: Json<'a>) -> Result<Json<'a>, SyntaxError> {
        if self.bytes().get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("at most 64 levels of nesting"));
        }
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => {
                let rest = self.bytes().get(self.pos..).unwrap_or_default();
                let length = scan_number(rest).ok_or_else(|| self.error("a number"))?;
                let start = self.pos;
                self.pos += length;
                // Numbers are ASCII, so these are character boundaries.
                Ok(Json::Number(self.text.get(start..self.pos).ok_or_else(|| self.error("a number"))?))
            }
            _ => Err(self.error("a value")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            self.expect(b',', "',' or ']'")?;
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("a quoted member name"));
            }
            let key = self.string()?;
            self.skip_whitespace();
            self.expect(b':', "':'")?;
            members.push((key, self.value(depth + 1)?));
            self.skip_whitespace();
            if self.eat(b'}') {
                return Ok(Json::Object(members));
            }
            self.expect(b',', "',' or '}'")?;
        }
    }

    /// A string starting at the opening quote; borrowed unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut run_start = start;
        loop {
            let Some(byte) = self.peek() else {
                return Err(self.error("the closing quote of a string"));
            };
            match byte {
                b'"' => {
                    // Quotes and backslashes are ASCII: slicing here is on boundaries.
                    let run = self.text.get(run_start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(run),
                        Some(mut s) => {
                            s.push_str(run);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let run = self.text.get(run_start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    let decoded = self.escape()?;
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(run);
                    s.push(decoded);
                    run_start = self.pos;
                }
                0x00..=0x1f => return Err(self.error("an escaped control character")),
                // Skip the plain run up to the next quote, backslash or control character
                // in one tight loop (the bulk of every answer).
                _ => {
                    let rest = self.bytes().get(self.pos..).unwrap_or_default();
                    self.pos += rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
                }
            }
        }
    }

    /// The character after a backslash (which has been consumed).
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let byte = self.peek().ok_or_else(|| self.error("an escape"))?;
        self.pos += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) && self.bytes().get(self.pos..self.pos + 2) == Some(b"\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
                    }
                    self.pos = save;
                }
                char::from_u32(first).unwrap_or('\u{FFFD}')
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("a valid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.bytes().get(self.pos..self.pos + 4).ok_or_else(|| self.error("four hex digits"))?;
        let mut code = 0;
        for &digit in digits {
            let value = (digit as char).to_digit(16).ok_or_else(|| self.error("four hex digits"))?;
            code = code * 16 + value;
        }
        self.pos += 4;
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json<'_> {
        Json::String(Cow::Borrowed(text))
    }

    #[test]
    fn parses_every_kind_of_value() {
        let doc = parse(r#" {"a":[1,-2.5e3,true,false,null],"b":{"c":"d"},"e":""} "#).unwrap();
        assert_eq!(
            doc.get("a").unwrap().as_array().unwrap(),
            &[Json::Number("1"), Json::Number("-2.5e3"), Json::Bool(true), Json::Bool(false), Json::Null]
        );
        assert_eq!(doc.get("b").unwrap().get("c"), Some(&s("d")));
        assert_eq!(doc.str_at("e"), Some(""));
        assert_eq!(doc.get("zzz"), None);
        assert_eq!(doc.get("a").unwrap().get("x"), None, "get on an array is None");
    }

    #[test]
    fn unescapes_strings() {
        let doc = parse(r#"["a\"b\\c\/d\b\f\n\r\t","\u00e9\u20AC","\ud83d\ude00","\ud800x","\udc00","é😀"]"#).unwrap();
        let items: Vec<&str> = doc.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(items, ["a\"b\\c/d\u{8}\u{c}\n\r\t", "é€", "😀", "\u{FFFD}x", "\u{FFFD}", "é😀"]);
        assert!(matches!(parse(r#""plain""#).unwrap(), Json::String(Cow::Borrowed("plain"))));
    }

    #[test]
    fn duplicate_keys_take_the_last_like_json_parse() {
        assert_eq!(parse(r#"{"k":1,"k":2}"#).unwrap().get("k"), Some(&Json::Number("2")));
    }

    #[test]
    fn rejects_what_json_parse_rejects() {
        for bad in [
            "",
            " ",
            "[",
            "]",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{a:1}",
            "[1,]",
            "[,1]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "NaN",
            "Infinity",
            "tru",
            "nul",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"a\u{1}b\"",
            "[1] x",
            "'a'",
            "[1 2]",
            "{\"a\" 1}",
            "<html>",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn limits_nesting_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().expected, "at most 64 levels of nesting");
        let ok = format!("{}{}", "[".repeat(60), "]".repeat(60));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn errors_say_where() {
        let e = parse(r#"{"a": tru}"#).unwrap_err();
        assert_eq!(e, SyntaxError { offset: 6, expected: "a value" });
        assert_eq!(e.describe(), "expected a value at byte 6");
    }

    #[test]
    fn streams_array_items() {
        let mut seen = Vec::new();
        for_each_item(r#" [ {"n":1}, {"n":2} ] "#, &mut |item| {
            seen.push(item.get("n").and_then(Json::as_number).unwrap_or_default().to_string());
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["1", "2"]);
        assert_eq!(for_each_item("[]", &mut |_| Ok(())), Ok(()));
        let stop =
            for_each_item("[1,2,3]", &mut |item| if item == Json::Number("2") { Err("two".into()) } else { Ok(()) });
        assert_eq!(stop, Err(ItemsError::Item { index: 1, why: "two".into() }));
        for bad in ["{}", "[1,", "[1]]", "", "[1 2]"] {
            assert!(matches!(for_each_item(bad, &mut |_| Ok(())), Err(ItemsError::Syntax(_))), "{bad}");
        }
    }

    #[test]
    fn never_panics_on_truncations_of_a_document() {
        let doc = r#"{"a":["x\u00e9\ud83d\ude00",1.5e-3,{"b":null}],"é":"😀\n"}"#;
        for end in 0..=doc.len() {
            if let Some(prefix) = doc.get(..end) {
                let _ = parse(prefix);
            }
        }
    }
}
