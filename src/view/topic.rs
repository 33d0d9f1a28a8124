use serde::Serialize;
use serde_with::skip_serializing_none;

use super::sanitize::is_hex_colour;
use crate::labels::Labels;
use crate::wire::topic::{SearchTopic, TagInfo, TopicResource};

/// Console's label naming the self-service application that owns a resource.
pub const APPLICATION_LABEL: &str = "conduktor.io/application";
pub const INSTANCE_LABEL: &str = "conduktor.io/application-instance";

/// A topic. Metrics (record count, size, produce rate, last activity) and tags come
/// from Console's v1 search; a topic read by name alone has none.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct Topic {
    pub name: String,
    pub cluster: String,
    /// False when Console has not indexed the topic yet: only its name is known.
    pub indexed: bool,
    pub partitions: Option<i32>,
    pub replication_factor: Option<i32>,
    pub cleanup_policy: Option<String>,
    /// `retention.ms`; -1 is unlimited.
    pub retention_ms: Option<i64>,
    pub min_insync_replicas: Option<i32>,
    pub description: Option<String>,
    pub catalog_visibility: Option<String>,
    pub labels: Labels,
    /// Console's tags on the topic (v1 search).
    pub tags: Option<Vec<TopicTag>>,
    /// From Console's `conduktor.io/application` label.
    pub owner_application: Option<String>,
    pub owner_instance: Option<String>,
    pub record_count: Option<i64>,
    pub size_bytes: Option<i64>,
    pub produce_rate: Option<f64>,
    /// ISO 8601 date-time.
    pub last_activity_at: Option<String>,
    /// Into the Console UI; present when `consoleUrl` was given.
    pub console_link: Option<String>,
}

/// A Console tag on a topic.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct TopicTag {
    pub id: Option<String>,
    pub name: String,
    /// A validated CSS hex colour; absent when it is not one.
    pub color: Option<String>,
}

impl Topic {
    /// A topic resource (`GET .../topic[/{name}]`); `cluster` is the one asked, used
    /// when the resource does not name its own.
    pub fn from_resource(wire: TopicResource<'_>, cluster: &str) -> Topic {
        let metadata = wire.metadata;
        let (partitions, replication_factor, configs) =
            wire.spec.map_or((None, None, None), |spec| (spec.partitions, spec.replication_factor, spec.configs));
        let (cleanup_policy, retention_ms, min_insync_replicas) = configs.map_or((None, None, None), |c| {
            (c.cleanup_policy.map(String::from), c.retention_ms, c.min_insync_replicas)
        });
        Topic {
            cluster: metadata.cluster.map_or_else(|| cluster.to_string(), String::from),
            name: metadata.name.into_owned(),
            indexed: true,
            partitions,
            replication_factor,
            cleanup_policy,
            retention_ms,
            min_insync_replicas,
            description: metadata.description.map(String::from),
            catalog_visibility: metadata.catalog_visibility.map(String::from),
            owner_application: metadata.labels.get(APPLICATION_LABEL).map(String::from),
            owner_instance: metadata.labels.get(INSTANCE_LABEL).map(String::from),
            labels: metadata.labels,
            tags: None,
            record_count: None,
            size_bytes: None,
            produce_rate: None,
            last_activity_at: None,
            console_link: None,
        }
    }

    /// An item of the v1 search, which carries the metrics and the tags.
    pub fn from_search(wire: SearchTopic<'_>, cluster: &str) -> Topic {
        Topic {
            indexed: wire.is_indexed(),
            name: wire.name.into_owned(),
            cluster: cluster.to_string(),
            partitions: wire.partition_count,
            replication_factor: wire.replication_factor,
            cleanup_policy: wire.cleanup_policy.map(String::from),
            retention_ms: wire.retention_in_ms,
            min_insync_replicas: wire.min_isr,
            description: None,
            catalog_visibility: None,
            owner_application: wire.labels.get(APPLICATION_LABEL).map(String::from),
            owner_instance: wire.labels.get(INSTANCE_LABEL).map(String::from),
            labels: wire.labels,
            tags: wire.tags.map(|tags| tags.into_iter().map(TopicTag::from).collect()),
            record_count: wire.record_count,
            size_bytes: wire.topic_size,
            produce_rate: wire.produce_rate,
            last_activity_at: wire.last_activity_at.map(String::from),
            console_link: None,
        }
    }
}

impl From<TagInfo<'_>> for TopicTag {
    fn from(tag: TagInfo<'_>) -> Self {
        TopicTag {
            id: tag.id.map(String::from),
            name: tag.name.into_owned(),
            color: tag.color.filter(|c| is_hex_colour(c)).map(String::from),
        }
    }
}
