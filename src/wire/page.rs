//! One page of a v1 search: `{data?, page, totalPages, perPage, totalElements}`.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::lenient;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchPage<'a> {
    /// The items, read one by one later. Optional in Console's spec: absent or null
    /// is an empty page.
    #[serde(borrow, default)]
    pub data: Option<&'a RawValue>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_pages: Option<i32>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub total_elements: Option<i64>,
}
