//! Topics: the v2 resource (`GET /public/kafka/v2/cluster/{c}/topic[/{name}]`) and
//! the metrics of the v1 search (`POST /public/v1/clusters/{c}/topics`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{decode_error, number, string_labels, text};
use crate::error::CoreError;

pub const APPLICATION_LABEL: &str = "conduktor.io/application";
pub const INSTANCE_LABEL: &str = "conduktor.io/application-instance";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireTopicMetadata {
    name: String,
    #[serde(default)]
    cluster: Option<Value>,
    #[serde(default)]
    labels: Option<BTreeMap<String, Value>>,
    #[serde(default)]
    description: Option<Value>,
    #[serde(default)]
    catalog_visibility: Option<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireTopicSpec {
    #[serde(default)]
    partitions: Option<Value>,
    #[serde(default)]
    replication_factor: Option<Value>,
    #[serde(default)]
    configs: Option<BTreeMap<String, Value>>,
}

#[derive(Deserialize)]
struct WireTopic {
    metadata: WireTopicMetadata,
    #[serde(default)]
    spec: Option<WireTopicSpec>,
}

/// A topic as the card shows it. Metrics are null until joined with the v1 search.
#[derive(Debug, Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Topic {
    pub name: String,
    pub cluster: String,
    pub partitions: Option<f64>,
    pub replication_factor: Option<f64>,
    pub cleanup_policy: Option<String>,
    /// `retention.ms`; -1 means unlimited.
    pub retention_ms: Option<f64>,
    pub min_insync_replicas: Option<f64>,
    pub description: Option<String>,
    pub catalog_visibility: Option<String>,
    pub labels: BTreeMap<String, String>,
    /// From Console's `conduktor.io/application` label.
    pub owner_application: Option<String>,
    pub owner_instance: Option<String>,
    pub record_count: Option<f64>,
    pub size_bytes: Option<f64>,
    pub produce_rate: Option<f64>,
    pub last_activity_at: Option<String>,
}

impl Topic {
    fn from_wire(wire: WireTopic, cluster: &str) -> Topic {
        let WireTopic { metadata, spec } = wire;
        let spec = spec.unwrap_or(WireTopicSpec { partitions: None, replication_factor: None, configs: None });
        let configs = spec.configs.unwrap_or_default();
        // Config values are strings in Console ("604800000"); accept numbers too.
        let config_number =
            |key: &str| configs.get(key).and_then(|v| number(v).or_else(|| v.as_str()?.trim().parse().ok()));
        let labels = string_labels(metadata.labels);
        Topic {
            cluster: text(metadata.cluster).unwrap_or_else(|| cluster.to_string()),
            name: metadata.name,
            partitions: spec.partitions.as_ref().and_then(number),
            replication_factor: spec.replication_factor.as_ref().and_then(number),
            cleanup_policy: configs.get("cleanup.policy").and_then(|v| v.as_str().map(String::from)),
            retention_ms: config_number("retention.ms"),
            min_insync_replicas: config_number("min.insync.replicas"),
            description: text(metadata.description),
            catalog_visibility: text(metadata.catalog_visibility),
            owner_application: labels.get(APPLICATION_LABEL).cloned(),
            owner_instance: labels.get(INSTANCE_LABEL).cloned(),
            labels,
            record_count: None,
            size_bytes: None,
            produce_rate: None,
            last_activity_at: None,
        }
    }

    /// Adds the v1 search's metrics (and fills gaps) for the same topic.
    pub fn join_metrics(&mut self, metrics: &TopicMetrics) {
        self.record_count = metrics.record_count;
        self.size_bytes = metrics.size_bytes;
        self.produce_rate = metrics.produce_rate;
        self.last_activity_at.clone_from(&metrics.last_activity_at);
    }
}

pub fn decode_topics(body: &str, cluster: &str) -> Result<Vec<Topic>, CoreError> {
    let wire: Vec<WireTopic> = serde_json::from_str(body).map_err(|e| decode_error("the topic list", &e))?;
    Ok(wire.into_iter().map(|t| Topic::from_wire(t, cluster)).collect())
}

/// One topic (`GET .../topic/{name}`).
pub fn decode_topic(body: &str, cluster: &str) -> Result<Topic, CoreError> {
    let wire: WireTopic = serde_json::from_str(body).map_err(|e| decode_error("the topic", &e))?;
    Ok(Topic::from_wire(wire, cluster))
}

/// One item of the v1 topic search (`IndexedTopic`, or `NotIndexedTopic` with a name only).
#[derive(Debug, Deserialize, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct WireSearchTopic {
    pub name: String,
    #[serde(default)]
    pub labels: Option<BTreeMap<String, Value>>,
    #[serde(default)]
    record_count: Option<Value>,
    #[serde(default)]
    topic_size: Option<Value>,
    #[serde(default)]
    produce_rate: Option<Value>,
    #[serde(default)]
    last_activity_at: Option<Value>,
    #[serde(default)]
    partition_count: Option<Value>,
    #[serde(default)]
    replication_factor: Option<Value>,
    #[serde(default)]
    cleanup_policy: Option<Value>,
    #[serde(default)]
    retention_in_ms: Option<Value>,
    #[serde(default)]
    min_isr: Option<Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicMetrics {
    pub record_count: Option<f64>,
    pub size_bytes: Option<f64>,
    pub produce_rate: Option<f64>,
    pub last_activity_at: Option<String>,
}

impl WireSearchTopic {
    pub fn metrics(&self) -> TopicMetrics {
        TopicMetrics {
            record_count: self.record_count.as_ref().and_then(number),
            size_bytes: self.topic_size.as_ref().and_then(number),
            produce_rate: self.produce_rate.as_ref().and_then(number),
            last_activity_at: text(self.last_activity_at.clone()),
        }
    }

    /// A topic known only from the search (no v2 read), e.g. found by prefix.
    pub fn into_topic(self, cluster: &str) -> Topic {
        let metrics = self.metrics();
        let labels = string_labels(self.labels);
        let mut topic = Topic {
            name: self.name,
            cluster: cluster.to_string(),
            partitions: self.partition_count.as_ref().and_then(number),
            replication_factor: self.replication_factor.as_ref().and_then(number),
            cleanup_policy: text(self.cleanup_policy),
            retention_ms: self.retention_in_ms.as_ref().and_then(number),
            min_insync_replicas: self.min_isr.as_ref().and_then(number),
            description: None,
            catalog_visibility: None,
            owner_application: labels.get(APPLICATION_LABEL).cloned(),
            owner_instance: labels.get(INSTANCE_LABEL).cloned(),
            labels,
            record_count: None,
            size_bytes: None,
            produce_rate: None,
            last_activity_at: None,
        };
        topic.join_metrics(&metrics);
        topic
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOPIC: &str = r#"{"apiVersion":"v2","kind":"Topic",
      "metadata":{"name":"click.pageviews","cluster":"prod-eu",
        "labels":{"conduktor.io/application":"clickstream-app","conduktor.io/application-instance":"clickstream-prod","n":null},
        "catalogVisibility":"PUBLIC","descriptionIsEditable":true,"description":"Raw page views","sqlStorage":{"retentionTimeInSecond":1}},
      "spec":{"partitions":6,"replicationFactor":3,"configs":{"cleanup.policy":"delete","retention.ms":"604800000","min.insync.replicas":"2"}}}"#;

    #[test]
    fn decodes_a_topic_with_owner_and_configs() {
        let topic = decode_topic(TOPIC, "ignored").unwrap();
        assert_eq!(topic.cluster, "prod-eu");
        assert_eq!((topic.partitions, topic.replication_factor), (Some(6.0), Some(3.0)));
        assert_eq!(topic.retention_ms, Some(604_800_000.0));
        assert_eq!(topic.min_insync_replicas, Some(2.0));
        assert_eq!(topic.cleanup_policy.as_deref(), Some("delete"));
        assert_eq!(topic.owner_application.as_deref(), Some("clickstream-app"));
        assert_eq!(topic.owner_instance.as_deref(), Some("clickstream-prod"));
        assert_eq!(topic.record_count, None);
    }

    #[test]
    fn tolerates_nulls_and_missing_spec() {
        let topics = decode_topics(
            r#"[{"metadata":{"name":"a","cluster":null,"labels":null},"spec":null},
                {"metadata":{"name":"b"},"spec":{"partitions":"x","configs":{"retention.ms":null}}}]"#,
            "dev",
        )
        .unwrap();
        assert_eq!(topics[0].cluster, "dev");
        assert_eq!(topics[1].partitions, None);
        assert_eq!(topics[1].retention_ms, None);
        assert!(decode_topics(r#"[{"metadata":{}}]"#, "dev").is_err(), "a name is required");
    }

    #[test]
    fn joins_search_metrics() {
        let mut topic = decode_topic(TOPIC, "prod-eu").unwrap();
        let search: WireSearchTopic = serde_json::from_str(
            r#"{"type":"IndexedTopic","name":"click.pageviews","recordCount":9007199254740993,"topicSize":1024,"produceRate":12,"lastActivityAt":"2026-11-29T10:00:00Z","partitionCount":6}"#,
        )
        .unwrap();
        topic.join_metrics(&search.metrics());
        assert_eq!(topic.size_bytes, Some(1024.0));
        assert_eq!(topic.last_activity_at.as_deref(), Some("2026-11-29T10:00:00Z"));
        assert!(topic.record_count.unwrap() > 9.0e15, "large counts stay numbers");
        let not_indexed: WireSearchTopic = serde_json::from_str(r#"{"type":"NotIndexedTopic","name":"x"}"#).unwrap();
        assert_eq!(not_indexed.into_topic("c").record_count, None);
    }
}
