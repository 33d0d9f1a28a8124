//! Topics: the v2 resource (`GET /public/kafka/v2/cluster/{c}/topic[/{name}]`) and
//! the items of the v1 search (`POST /public/v1/clusters/{c}/topics`).

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient;
use crate::labels::Labels;

/// `TopicResource`.
#[derive(Deserialize)]
pub struct TopicResource<'a> {
    #[serde(borrow)]
    pub metadata: TopicMetadata<'a>,
    #[serde(borrow, default, deserialize_with = "lenient::object")]
    pub spec: Option<TopicSpec<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicMetadata<'a> {
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub cluster: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "lenient::labels")]
    pub labels: Labels,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub description: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub catalog_visibility: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TopicSpec<'a> {
    #[serde(default, deserialize_with = "lenient::int")]
    pub partitions: Option<i32>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub replication_factor: Option<i32>,
    #[serde(borrow, default, deserialize_with = "lenient::object")]
    pub configs: Option<TopicConfigs<'a>>,
}

/// Kafka topic configs; Console sends their values as strings.
#[derive(Deserialize)]
pub struct TopicConfigs<'a> {
    #[serde(rename = "cleanup.policy", borrow, default, deserialize_with = "lenient::text")]
    pub cleanup_policy: Option<Cow<'a, str>>,
    #[serde(rename = "retention.ms", default, deserialize_with = "lenient::int")]
    pub retention_ms: Option<i64>,
    #[serde(rename = "min.insync.replicas", default, deserialize_with = "lenient::int")]
    pub min_insync_replicas: Option<i32>,
}

/// `IndexedTopic`, or `NotIndexedTopic` (name and type only: Console has not
/// indexed it yet).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchTopic<'a> {
    #[serde(rename = "type", borrow, default, deserialize_with = "lenient::text")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(default, deserialize_with = "lenient::labels")]
    pub labels: Labels,
    #[serde(default, deserialize_with = "lenient::int")]
    pub partition_count: Option<i32>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub replication_factor: Option<i32>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub cleanup_policy: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub retention_in_ms: Option<i64>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub min_isr: Option<i32>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub record_count: Option<i64>,
    #[serde(default, deserialize_with = "lenient::int")]
    pub topic_size: Option<i64>,
    /// Declared `int32` in the spec; kept as a number in case a rate has a fraction.
    #[serde(default, deserialize_with = "lenient::float")]
    pub produce_rate: Option<f64>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub last_activity_at: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::items")]
    pub tags: Option<Vec<TagInfo<'a>>>,
}

impl SearchTopic<'_> {
    pub fn is_indexed(&self) -> bool {
        self.kind.as_deref() != Some("NotIndexedTopic")
    }
}

/// `TagInfo`: a Console tag on a topic.
#[derive(Deserialize)]
pub struct TagInfo<'a> {
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub color: Option<Cow<'a, str>>,
}
