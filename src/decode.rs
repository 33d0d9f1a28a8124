//! From a response body to wire items: one list streamer and one page reader, shared
//! by every resource (generic code per type costs the wasm several KB each).
//!
//! A body that is not JSON, or not the expected shape as a whole, is a `decode` error
//! of the call. Inside a list, each item is cut out as borrowed raw JSON and read on
//! its own, so an item that does not read is dropped and reported (`Dropped`) while
//! the rest of the list is kept.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::error::{CoreError, ErrorKind};

/// An item left out of a list: its index and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    pub index: usize,
    pub why: String,
}

impl Dropped {
    /// How the item's absence is reported beside the list.
    pub fn describe(&self, what: &str) -> String {
        format!(
            "item {} of {what} is not what Conduktor Console sends ({}) and is left out; the rest of the list is shown",
            self.index, self.why
        )
    }
}

/// A body that does not decode: says which answer, where, and the usual cause.
pub fn decode_error(what: &str, detail: &dyn fmt::Display) -> CoreError {
    CoreError::new(
        ErrorKind::Decode,
        format!("{what} is not what Conduktor Console sends ({detail}); check that the proxy target points at Console and ends in /api"),
    )
}

/// serde's message for what did not read, without the value: serde quotes a string
/// it rejects (`invalid type: string "…"`) and a variant it does not know, and such a
/// string may be a credential Console sent where the card expected something else
/// (or a body cut short), which must not reach an error or a problem shown on a page.
fn reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    loop {
        let string = rest.find("string \"").map(|at| (at, "string \"", '"', "a string"));
        let variant = rest.find("variant `").map(|at| (at, "variant `", '`', "variant"));
        let Some((at, opening, closing, said)) = [string, variant].into_iter().flatten().min_by_key(|m| m.0) else {
            break;
        };
        out.push_str(&rest[..at]);
        out.push_str(said);
        let quoted = &rest[at + opening.len()..];
        // Debug-escaped: the value ends at the first closing quote not escaped.
        let mut escaped = false;
        let end = quoted
            .char_indices()
            .find(|&(_, c)| {
                let ends = !escaped && c == closing;
                escaped = !escaped && c == '\\';
                ends
            })
            .map_or(quoted.len(), |(i, c)| i + c.len_utf8());
        rest = &quoted[end..];
    }
    out.push_str(rest);
    out
}

/// Decodes a whole answer, a JSON object, as one `T`.
pub fn one<'a, T: Deserialize<'a>>(body: &'a str, what: &str) -> Result<T, CoreError> {
    object(body).map_err(|why| decode_error(what, &why))
}

/// A JSON object as `T`. (serde would also read a struct from an array of its fields'
/// values, which Console never sends.)
pub fn object<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, String> {
    opens_an_object(text)?;
    serde_json::from_str(text).map_err(|e| reason(&e))
}

fn opens_an_object(text: &str) -> Result<(), String> {
    match text.trim_start().starts_with('{') {
        true => Ok(()),
        false => Err("not a JSON object".into()),
    }
}

/// Hands each item of a JSON array to `item`, which returns `Err(why)` to drop it.
pub fn each_item<'a>(
    body: &'a str,
    what: &str,
    item: &mut dyn FnMut(&'a RawValue) -> Result<(), String>,
) -> Result<Vec<Dropped>, CoreError> {
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let dropped = deserializer
        .deserialize_seq(Items { item, dropped: Vec::new() })
        .and_then(|dropped| deserializer.end().map(|()| dropped))
        .map_err(|e| decode_error(what, &reason(&e)))?;
    Ok(dropped)
}

struct Items<'i, 'a> {
    item: &'i mut dyn FnMut(&'a RawValue) -> Result<(), String>,
    dropped: Vec<Dropped>,
}

impl<'a> Visitor<'a> for Items<'_, 'a> {
    type Value = Vec<Dropped>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON array")
    }

    fn visit_seq<S: SeqAccess<'a>>(mut self, mut seq: S) -> Result<Self::Value, S::Error> {
        let mut index = 0;
        while let Some(raw) = seq.next_element::<&'a RawValue>()? {
            if let Err(why) = (self.item)(raw) {
                self.dropped.push(Dropped { index, why });
            }
            index += 1;
        }
        Ok(self.dropped)
    }
}

/// Reads an item as `T`, saying why it does not read.
pub fn item<'a, T: Deserialize<'a>>(raw: &'a RawValue) -> Result<T, String> {
    object(raw.get())
}

/// What a page of a v1 search says about the search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageInfo {
    /// Items on this page, dropped ones included.
    pub items: usize,
    pub total_pages: u32,
    pub total_elements: Option<i64>,
}

/// Reads one page of a v1 search, handing each item of `data` to `item` as the page
/// is read: the body is scanned once for the page and once per item, not a third
/// time to cut `data` out first.
pub fn each_page_item<'a>(
    body: &'a str,
    what: &str,
    item: &mut dyn FnMut(&'a RawValue) -> Result<(), String>,
) -> Result<(PageInfo, Vec<Dropped>), CoreError> {
    opens_an_object(body).map_err(|why| decode_error(what, &why))?;
    let mut items = 0;
    let mut counted = |raw: &'a RawValue| {
        items += 1;
        item(raw)
    };
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let page = deserializer
        .deserialize_map(PageVisitor { item: &mut counted })
        .and_then(|page| deserializer.end().map(|()| page))
        .map_err(|e| decode_error(what, &reason(&e)))?;
    // A page without `totalPages` is the last one; a negative count reads as none.
    let total_pages = page.total_pages.map_or(1, |n| u32::try_from(n).unwrap_or(0));
    Ok((PageInfo { items, total_pages, total_elements: page.total_elements }, page.dropped))
}

/// What a page says besides its items.
struct PageRead {
    total_pages: Option<i32>,
    total_elements: Option<i64>,
    dropped: Vec<Dropped>,
}

/// A v1 search page, `{data?, page, totalPages, perPage, totalElements}`: `data` (absent or null is an empty
/// page) streamed through `Items`; the counts read as `lenient::int`; other members
/// skipped; a member given twice is an error.
struct PageVisitor<'i, 'a> {
    item: &'i mut dyn FnMut(&'a RawValue) -> Result<(), String>,
}

impl<'a> Visitor<'a> for PageVisitor<'_, 'a> {
    type Value = PageRead;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a search page object")
    }

    fn visit_map<M: MapAccess<'a>>(self, mut map: M) -> Result<PageRead, M::Error> {
        let mut page = PageRead { total_pages: None, total_elements: None, dropped: Vec::new() };
        let (mut seen_data, mut seen_pages, mut seen_elements) = (false, false, false);
        while let Some(key) = map.next_key::<Cow<'a, str>>()? {
            match key.as_ref() {
                "data" => {
                    first_time(&mut seen_data, &key)?;
                    page.dropped = map.next_value_seed(DataSeed { item: &mut *self.item })?;
                }
                "totalPages" => {
                    first_time(&mut seen_pages, &key)?;
                    page.total_pages = map.next_value::<LenientInt<i32>>()?.0;
                }
                "totalElements" => {
                    first_time(&mut seen_elements, &key)?;
                    page.total_elements = map.next_value::<LenientInt<i64>>()?.0;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(page)
    }
}

/// A member given twice is an error, as serde's derive makes it.
fn first_time<E: de::Error>(seen: &mut bool, key: &str) -> Result<(), E> {
    match std::mem::replace(seen, true) {
        false => Ok(()),
        true => Err(E::custom(format_args!("duplicate field `{key}`"))),
    }
}

/// A page's `data`: null, or an array whose items go to `item` one by one.
struct DataSeed<'i, 'a> {
    item: &'i mut dyn FnMut(&'a RawValue) -> Result<(), String>,
}

impl<'a> DeserializeSeed<'a> for DataSeed<'_, 'a> {
    type Value = Vec<Dropped>;

    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> Result<Vec<Dropped>, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'a> Visitor<'a> for DataSeed<'_, 'a> {
    type Value = Vec<Dropped>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON array or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<Dropped>, E> {
        Ok(Vec::new())
    }

    fn visit_some<D: Deserializer<'a>>(self, deserializer: D) -> Result<Vec<Dropped>, D::Error> {
        deserializer.deserialize_seq(Items { item: self.item, dropped: Vec::new() })
    }
}

/// `lenient::int` as a type, for `next_value`.
struct LenientInt<T>(Option<T>);

impl<'de, T: TryFrom<i64>> Deserialize<'de> for LenientInt<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::wire::lenient::int(deserializer).map(LenientInt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::group::SearchConsumerGroup;

    fn names(body: &str) -> Result<(Vec<String>, Vec<Dropped>), CoreError> {
        let mut kept = Vec::new();
        let dropped = each_item(body, "the list", &mut |raw| {
            let group: SearchConsumerGroup = item(raw)?;
            kept.push(group.name.into_owned());
            Ok(())
        })?;
        Ok((kept, dropped))
    }

    #[test]
    fn one_odd_item_is_dropped_and_reported_the_rest_kept() {
        let (kept, dropped) = names(r#"[{"name":"a"},{"name":5},7,{"nom":"x"},{"name":"b","members":"x"}]"#).unwrap();
        assert_eq!(kept, vec!["a", "b"]);
        assert_eq!(dropped.iter().map(|d| d.index).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(dropped[2].why.contains("missing field `name`"), "{:?}", dropped[2]);
        assert!(dropped[0].describe("the consumer-group search").starts_with("item 1 of the consumer-group search"));
    }

    #[test]
    fn a_body_that_is_not_a_list_fails_the_call() {
        for bad in ["", "{}", "null", "[1,", "[] x", "<html>"] {
            let error = names(bad).expect_err(bad);
            assert_eq!(error.kind, ErrorKind::Decode, "{bad}");
            assert!(error.message.contains("the list is not what Conduktor Console sends"), "{}", error.message);
        }
        assert_eq!(names(" [] ").unwrap().0.len(), 0);
    }

    #[test]
    fn a_string_that_did_not_read_is_never_quoted() {
        let body = r#""pass\"word=s3cret", "type":"x"}"#;
        let error = names(body).expect_err("a string is not a list");
        assert!(error.message.contains("invalid type: a string, expected a JSON array"), "{}", error.message);
        assert!(!error.message.contains("s3cret"), "{}", error.message);
        let (_, dropped) = names(r#"[{"name":{"x":1}},{"name":"a","state":"x","members":"9"},"pw=s3cret"]"#).unwrap();
        assert_eq!(dropped.len(), 2);
        assert!(dropped.iter().all(|d| !d.why.contains("s3cret")), "{dropped:?}");
        let hostile = serde_json::from_str::<u8>(r#""a`b\"c""#).unwrap_err();
        assert_eq!(
            reason(&hostile),
            format!("invalid type: a string, expected u8 at line 1 column {}", hostile.column())
        );
    }

    #[test]
    fn a_page_reads_its_members_in_any_order_and_skips_others() {
        let mut names = Vec::new();
        let body =
            r#"{"totalPages":2,"page":{"x":[1]},"data":[{"name":"a"},{"nom":"b"},{"name":"c"}],"totalElements":"3"}"#;
        let (info, dropped) = each_page_item(body, "the page", &mut |raw| {
            let group: SearchConsumerGroup = item(raw)?;
            names.push(group.name.into_owned());
            Ok(())
        })
        .unwrap();
        assert_eq!(names, ["a", "c"]);
        assert_eq!(dropped.iter().map(|d| d.index).collect::<Vec<_>>(), [1]);
        assert_eq!(info, PageInfo { items: 3, total_pages: 2, total_elements: Some(3) });
        let error = each_page_item(r#"{"data":[],"totalPages":1,"totalPages":2}"#, "the page", &mut |_| Ok(()))
            .expect_err("a member given twice");
        assert!(error.message.contains("duplicate field `totalPages`"), "{}", error.message);
    }

    #[test]
    fn pages_without_data_are_empty_and_counts_are_tolerant() {
        let page = |body: &str| each_page_item(body, "the page", &mut |_| Ok(())).map(|(info, _)| info);
        let info = page(r#"{"page":1,"totalPages":3,"perPage":20,"totalElements":42}"#).unwrap();
        assert_eq!((info.items, info.total_pages, info.total_elements), (0, 3, Some(42)));
        assert_eq!(page(r#"{"data":null,"totalPages":1}"#).unwrap().items, 0);
        assert_eq!(
            page(r#"{"data":[1,2],"totalPages":-5}"#).unwrap(),
            PageInfo { items: 2, total_pages: 0, total_elements: None }
        );
        assert_eq!(page(r#"{"data":[],"totalPages":"x"}"#).unwrap().total_pages, 1);
        for bad in [r#"{"data":{}}"#, "[]", r#"{"data":[1,}"#, r#"{"data":[],"data":[]}"#, r#"{"data":[1],"x":"#] {
            assert_eq!(page(bad).expect_err(bad).kind, ErrorKind::Decode, "{bad}");
        }
    }
}
