//! Shared strategies: JSON values, tricky strings, the seed corpus and text edits.

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};

/// Bodies copied from the simulator (`tests/fuzz-corpus/README.md` says how).
pub const CORPUS: &[&str] = &[
    include_str!("../fuzz-corpus/clusters.json"),
    include_str!("../fuzz-corpus/topics.json"),
    include_str!("../fuzz-corpus/topic.json"),
    include_str!("../fuzz-corpus/topic-search.json"),
    include_str!("../fuzz-corpus/group-search.json"),
    include_str!("../fuzz-corpus/applications.json"),
    include_str!("../fuzz-corpus/application.json"),
    include_str!("../fuzz-corpus/instances.json"),
    include_str!("../fuzz-corpus/error-401.json"),
    include_str!("../fuzz-corpus/error-404.json"),
];

/// Strings that have broken parsers, paths and pages before.
pub const TRICKY: &[&str] = &[
    "",
    " ",
    "/",
    "..",
    ".",
    "%2F",
    "%2E%2E",
    "?",
    "#",
    "&",
    "=",
    "\\",
    "\"",
    "'",
    "<img src=x onerror=alert(1)>",
    "</script>",
    "javascript:alert(1)",
    "\u{0}",
    "\n",
    "\r\n",
    "\u{2028}",
    "\u{FEFF}",
    "\u{FFFD}",
    "é",
    "😀",
    "ﬀ",
    "*",
    ",",
    "{cluster}",
    "{",
    "}",
    "@",
    ":",
    "1e400",
    "-0",
];

/// Short strings: tricky ones, plain names, anything at all.
pub fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(TRICKY).prop_map(String::from),
        3 => "[a-z0-9._-]{0,12}",
        2 => any::<String>(),
        1 => proptest::collection::vec(proptest::sample::select(TRICKY), 0..5).prop_map(|p| p.concat()),
    ]
}

/// Any JSON value, a few levels deep.
pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        tricky_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((tricky_string(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A change to a parsed document: what a Console of another version, a proxy or a
/// hand-edited resource could send.
#[derive(Debug, Clone)]
pub enum TreeEdit {
    /// The n-th node (pre-order) becomes this value.
    Replace(Index, Value),
    /// The n-th node, if an object, loses a member.
    Remove(Index, Index),
    /// The n-th node, if an object, gains a member.
    Insert(Index, String, Value),
    /// Every scalar becomes null.
    NullEverything,
}

pub fn tree_edit() -> impl Strategy<Value = TreeEdit> {
    prop_oneof![
        4 => (any::<Index>(), json_value()).prop_map(|(i, v)| TreeEdit::Replace(i, v)),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(i, k)| TreeEdit::Remove(i, k)),
        2 => (any::<Index>(), tricky_string(), json_value()).prop_map(|(i, k, v)| TreeEdit::Insert(i, k, v)),
        1 => Just(TreeEdit::NullEverything),
    ]
}

fn count(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(members) => members.values().map(count).sum(),
        _ => 0,
    }
}

/// The n-th node in pre-order.
fn nth(value: &mut Value, n: usize) -> Option<&mut Value> {
    if n == 0 {
        return Some(value);
    }
    let mut n = n - 1;
    let children: Vec<&mut Value> = match value {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(members) => members.values_mut().collect(),
        _ => return None,
    };
    for child in children {
        let size = count(child);
        if n < size {
            return nth(child, n);
        }
        n -= size;
    }
    None
}

fn null_everything(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(null_everything),
        Value::Object(members) => members.values_mut().for_each(null_everything),
        scalar => *scalar = Value::Null,
    }
}

pub fn apply_tree_edits(value: &mut Value, edits: &[TreeEdit]) {
    for edit in edits {
        let size = count(value);
        match edit {
            TreeEdit::Replace(at, with) => {
                if let Some(node) = nth(value, at.index(size)) {
                    *node = with.clone();
                }
            }
            TreeEdit::Remove(at, key) => {
                if let Some(Value::Object(members)) = nth(value, at.index(size)) {
                    if !members.is_empty() {
                        let key = members.keys().nth(key.index(members.len())).cloned().unwrap_or_default();
                        members.remove(&key);
                    }
                }
            }
            TreeEdit::Insert(at, key, with) => {
                if let Some(Value::Object(members)) = nth(value, at.index(size)) {
                    members.insert(key.clone(), with.clone());
                }
            }
            TreeEdit::NullEverything => null_everything(value),
        }
    }
}

/// Fragments that make or break JSON and its strings.
const FRAGMENTS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\u00e9",
    "0",
    "-",
    ".",
    "e",
    "1e400",
    "-1e999999999999",
    "01",
    "null",
    "tru",
    "true",
    " ",
    "\n",
    "\t",
    "\u{0}",
    "\u{1f}",
    "é",
    "😀",
    "<html>",
    "NaN",
];

/// A change to a document's text: truncation, garbage, a duplicated or lost range.
#[derive(Debug, Clone)]
pub enum TextEdit {
    Insert(Index, &'static str),
    Delete(Index, Index),
    Truncate(Index),
    Duplicate(Index, Index),
}

pub fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        4 => (any::<Index>(), proptest::sample::select(FRAGMENTS)).prop_map(|(i, f)| TextEdit::Insert(i, f)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(i, n)| TextEdit::Delete(i, n)),
        1 => any::<Index>().prop_map(TextEdit::Truncate),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(i, n)| TextEdit::Duplicate(i, n)),
    ]
}

/// The largest character boundary at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub fn apply_text_edits(text: &mut String, edits: &[TextEdit]) {
    for edit in edits {
        let len = text.len();
        let at = |i: &Index| boundary(text, i.index(len + 1));
        match edit {
            TextEdit::Insert(i, fragment) => {
                let at = at(i);
                text.insert_str(at, fragment);
            }
            TextEdit::Delete(i, n) | TextEdit::Duplicate(i, n) => {
                let start = at(i);
                let end = boundary(text, (start + n.index(64)).min(len));
                let range = text[start..end].to_string();
                if matches!(edit, TextEdit::Delete(..)) {
                    text.replace_range(start..end, "");
                } else {
                    text.insert_str(end, &range);
                }
            }
            TextEdit::Truncate(i) => {
                let at = at(i);
                text.truncate(at);
            }
        }
    }
}

/// A JSON document: generated or from the corpus, edited as a tree, then maybe as text.
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    /// Whether the text was edited after serialising (it may not be JSON any more).
    pub text_edited: bool,
}

pub fn document() -> impl Strategy<Value = Document> {
    let base = prop_oneof![
        3 => proptest::sample::select(CORPUS).prop_map(|body| serde_json::from_str::<Value>(body).unwrap_or_default()),
        1 => json_value(),
    ];
    (base, proptest::collection::vec(tree_edit(), 0..4), any::<bool>(), proptest::collection::vec(text_edit(), 0..4))
        .prop_map(|(mut value, tree_edits, pretty, text_edits)| {
            apply_tree_edits(&mut value, &tree_edits);
            let mut text =
                if pretty { serde_json::to_string_pretty(&value).unwrap_or_default() } else { value.to_string() };
            apply_text_edits(&mut text, &text_edits);
            Document { text, text_edited: !text_edits.is_empty() }
        })
}

/// Unpadded base64url, as JWTs use.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}
