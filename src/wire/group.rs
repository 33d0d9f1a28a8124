//! Items of the v1 consumer-group search (`POST /public/v1/clusters/{c}/consumergroups`),
//! the only public source of consumer groups and their lag.

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient;

/// `IndexedConsumerGroup`, or `NotIndexedConsumerGroup` (name and type only).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchConsumerGroup<'a> {
    #[serde(rename = "type", borrow, default, deserialize_with = "lenient::text")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub state: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub members: Option<i32>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub overall_lag: Option<i64>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub max_lag_time_in_seconds: Option<i64>,
    #[serde(borrow, default, deserialize_with = "lenient::strings")]
    pub topics: Vec<Cow<'a, str>>,
}

impl SearchConsumerGroup<'_> {
    pub fn is_indexed(&self) -> bool {
        self.kind.as_deref() != Some("NotIndexedConsumerGroup")
    }
}
