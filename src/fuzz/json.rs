//! Target `fuzz_json`: the reader agrees with serde_json, round-trips through the
//! writer, streams the same items as it parses; numbers agree with serde_json.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;

use super::fuzz;
use super::gen::{document, Document};
use crate::json::{for_each_item, parse, to_string, Json, Number, ToJson};

/// What serde_json rejects and `JSON.parse` (so our reader) accepts: lone UTF-16
/// surrogates (they become U+FFFD) and numbers beyond f64 (only `Number::parse`
/// checks the range).
const SERDE_STRICTER: &[&str] =
    &["surrogate", "unexpected end of hex escape", "number out of range", "invalid unicode code point"];

impl ToJson for Json<'_> {
    fn write_json(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => b.write_json(out),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => s.as_ref().write_json(out),
            Json::Array(items) => items.write_json(out),
            Json::Object(members) => {
                out.push('{');
                for (index, (key, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    key.as_ref().write_json(out);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

pub fn check_reader(text: &str) -> Result<(), TestCaseError> {
    let ours = parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(_), Err(e)) => {
            let why = e.to_string();
            prop_assert!(
                SERDE_STRICTER.iter().any(|k| why.contains(k)),
                "accepted what serde_json rejects ({why}): {text:?}"
            );
        }
        (Err(e), Ok(_)) => prop_assert_eq!(e.expected, "at most 64 levels of nesting", "rejected {:?}", text),
        _ => {}
    }
    if let Ok(tree) = &ours {
        let written = to_string(tree);
        let again = parse(&written);
        prop_assert_eq!(again.as_ref(), Ok(tree), "writer round trip of {:?}", text);
        if let Ok(value) = &theirs {
            let reread = serde_json::from_str::<Value>(&written).ok();
            prop_assert_eq!(reread.as_ref(), Some(value), "{:?}", written);
        }
    }
    let mut items = Vec::new();
    let streamed = for_each_item(text, &mut |item| {
        items.push(item);
        Ok(())
    });
    match ours {
        Ok(Json::Array(all)) => {
            prop_assert!(streamed.is_ok(), "{:?}", text);
            prop_assert_eq!(items, all);
        }
        _ => prop_assert!(streamed.is_err(), "streamed what does not parse as an array: {:?}", text),
    }
    Ok(())
}

/// Number texts: JSON's grammar, near misses, and f64/u64 printed by Rust.
#[derive(Debug, Clone)]
enum NumberText {
    Text(String),
    Float(f64),
    Unsigned(u64),
    Seconds(i64),
}

fn number_text() -> impl Strategy<Value = NumberText> {
    prop_oneof![
        3 => "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,6})?".prop_map(NumberText::Text),
        2 => "[-+0-9.eE x]{0,12}".prop_map(NumberText::Text),
        2 => any::<f64>().prop_map(NumberText::Float),
        1 => any::<u64>().prop_map(NumberText::Unsigned),
        1 => (-9_000_000_000_000i64..9_000_000_000_000).prop_map(NumberText::Seconds),
    ]
}

fn check_number(input: NumberText) -> Result<(), TestCaseError> {
    match input {
        NumberText::Text(text) => {
            let ours = Number::parse(&text);
            // serde_json allows whitespace around a number; JSON's number grammar does not.
            if text.contains(' ') {
                prop_assert!(ours.is_none(), "accepted {:?}", text);
                return Ok(());
            }
            let theirs = serde_json::from_str::<f64>(&text).ok();
            match (&ours, theirs) {
                (Some(n), Some(value)) => {
                    prop_assert!(value.is_finite());
                    prop_assert_eq!(n.as_str(), text.as_str());
                    // serde_json's default float parser may be 1 ULP off (no `float_roundtrip`):
                    // compare with Rust's correctly rounded one, below 2^53 where ULPs are <= 1.
                    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
                    if (0.0..9_007_199_254_740_992.0).contains(&rounded) {
                        let exact = n.to_u64_saturating();
                        prop_assert!(exact.abs_diff(rounded as u64) <= 1, "{text}: {exact} vs {rounded}");
                    }
                    let _ = n.seconds_to_millis();
                }
                (Some(_), None) => prop_assert!(false, "accepted what serde_json rejects: {:?}", text),
                (None, Some(value)) => prop_assert!(value.abs() >= 1e308, "rejected {text:?} = {value}"),
                (None, None) => {}
            }
        }
        NumberText::Float(f) => {
            for text in [format!("{f}"), format!("{f:e}")] {
                match Number::parse(&text) {
                    Some(n) if (0.0..9_007_199_254_740_992.0).contains(&f) => {
                        prop_assert_eq!(n.to_u64_saturating(), f as u64, "{}", text)
                    }
                    Some(_) => {}
                    None => prop_assert!(!f.is_finite(), "rejected {text}"),
                }
            }
        }
        NumberText::Unsigned(u) => {
            let n = Number::parse(&u.to_string()).ok_or_else(|| TestCaseError::fail("u64 rejected"))?;
            prop_assert_eq!(n.to_u64_saturating(), u);
            prop_assert_eq!(Number::from_u64(u), n);
            let scaled = Number::parse(&format!("{u}e-3")).ok_or_else(|| TestCaseError::fail("e-3 rejected"))?;
            prop_assert_eq!(scaled.to_u64_saturating(), u / 1000);
        }
        NumberText::Seconds(s) => {
            let n = Number::parse(&s.to_string()).ok_or_else(|| TestCaseError::fail("i64 rejected"))?;
            prop_assert_eq!(n.seconds_to_millis(), Some(s * 1000));
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Input {
    Document(Document),
    Text(String),
    Number(NumberText),
}

#[test]
fn fuzz_json() {
    let input = prop_oneof![
        4 => document().prop_map(Input::Document),
        1 => any::<String>().prop_map(Input::Text),
        2 => number_text().prop_map(Input::Number),
    ];
    fuzz("fuzz_json", 300, input, |input| match input {
        Input::Document(doc) => check_reader(&doc.text),
        Input::Text(text) => check_reader(&text),
        Input::Number(number) => check_number(number),
    });
}

/// Found by `fuzz_json`: serde_json reads this as ...388 (1 ULP high); the core's
/// exact integer part is right, the oracle was wrong.
#[test]
fn integer_part_is_exact_where_serde_json_rounds_off() {
    let n = Number::parse("5770000000073386.90").unwrap();
    assert_eq!(n.to_u64_saturating(), 5_770_000_000_073_386);
    assert!(check_number(NumberText::Text("5770000000073386.90".into())).is_ok());
}
