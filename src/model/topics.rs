//! Topics: the v2 resource (`GET /public/kafka/v2/cluster/{c}/topic[/{name}]`) and
//! the metrics of the v1 search (`POST /public/v1/clusters/{c}/topics`).

#[cfg(test)]
use super::common::decode_list;
use super::common::{decode_error, number, parse, required_string, text, write_list, Labels};
use crate::error::CoreError;
use crate::json::{object, Json, Number, ToJson};

pub const APPLICATION_LABEL: &str = "conduktor.io/application";
pub const INSTANCE_LABEL: &str = "conduktor.io/application-instance";

/// A topic as the card shows it. Metrics are null until joined with the v1 search.
#[derive(Debug, PartialEq, Clone)]
pub struct Topic {
    pub name: String,
    pub cluster: String,
    pub partitions: Option<Number>,
    pub replication_factor: Option<Number>,
    pub cleanup_policy: Option<String>,
    /// `retention.ms`; -1 means unlimited.
    pub retention_ms: Option<Number>,
    pub min_insync_replicas: Option<Number>,
    pub description: Option<String>,
    pub catalog_visibility: Option<String>,
    pub labels: Labels,
    /// From Console's `conduktor.io/application` label.
    pub owner_application: Option<String>,
    pub owner_instance: Option<String>,
    pub metrics: TopicMetrics,
    /// The topic in the Console UI, when the caller gave `consoleUrl`.
    pub console_link: Option<String>,
}

/// What only the v1 search knows about a topic.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TopicMetrics {
    pub record_count: Option<Number>,
    pub size_bytes: Option<Number>,
    pub produce_rate: Option<Number>,
    pub last_activity_at: Option<String>,
}

impl Topic {
    fn from_wire(wire: &Json, cluster: &str) -> Result<Topic, String> {
        let name = required_string(wire, "metadata", "name")?;
        let metadata = wire.get("metadata");
        let spec = wire.get("spec");
        let configs = spec.and_then(|s| s.get("configs"));
        let config = |key: &str| configs.and_then(|c| c.get(key));
        // Config values are strings in Console ("604800000"); accept numbers too.
        let config_number = |key: &str| number(config(key)).or_else(|| Number::parse_loose(config(key)?.as_str()?));
        let labels = Labels::decode(metadata.and_then(|m| m.get("labels")));
        Ok(Topic {
            cluster: text(metadata.and_then(|m| m.get("cluster"))).unwrap_or_else(|| cluster.to_string()),
            name,
            partitions: number(spec.and_then(|s| s.get("partitions"))),
            replication_factor: number(spec.and_then(|s| s.get("replicationFactor"))),
            cleanup_policy: text(config("cleanup.policy")),
            retention_ms: config_number("retention.ms"),
            min_insync_replicas: config_number("min.insync.replicas"),
            description: text(metadata.and_then(|m| m.get("description"))),
            catalog_visibility: text(metadata.and_then(|m| m.get("catalogVisibility"))),
            owner_application: labels.get(APPLICATION_LABEL).cloned(),
            owner_instance: labels.get(INSTANCE_LABEL).cloned(),
            labels,
            metrics: TopicMetrics::default(),
            console_link: None,
        })
    }
}

/// The whole list as structs (the tests' view; the card's path is `write_topics`).
#[cfg(test)]
pub fn decode_topics(body: &str, cluster: &str) -> Result<Vec<Topic>, CoreError> {
    decode_list(body, "the topic list", &|item| Topic::from_wire(item, cluster))
}

/// Writes a topic list answer as the view models' JSON, `finish` completing each one
/// (its Console link).
pub fn write_topics(body: &str, cluster: &str, out: &mut String, finish: &dyn Fn(&mut Topic)) -> Result<(), CoreError> {
    write_list(body, "the topic list", out, &mut |item, out| {
        let mut topic = Topic::from_wire(item, cluster)?;
        finish(&mut topic);
        topic.write_json(out);
        Ok(())
    })
}

/// One topic (`GET .../topic/{name}`).
pub fn decode_topic(body: &str, cluster: &str) -> Result<Topic, CoreError> {
    Topic::from_wire(&parse(body, "the topic")?, cluster).map_err(|why| decode_error("the topic", &why))
}

/// One item of the v1 topic search (`IndexedTopic`, or `NotIndexedTopic` with a name only).
#[derive(Debug, Clone, PartialEq)]
pub struct SearchTopic {
    pub name: String,
    pub labels: Labels,
    pub metrics: TopicMetrics,
    partitions: Option<Number>,
    replication_factor: Option<Number>,
    cleanup_policy: Option<String>,
    retention_ms: Option<Number>,
    min_insync_replicas: Option<Number>,
}

impl SearchTopic {
    pub fn decode(wire: &Json) -> Result<SearchTopic, String> {
        Ok(SearchTopic {
            name: text(wire.get("name")).ok_or("name is not a string")?,
            labels: Labels::decode(wire.get("labels")),
            metrics: TopicMetrics {
                record_count: number(wire.get("recordCount")),
                size_bytes: number(wire.get("topicSize")),
                produce_rate: number(wire.get("produceRate")),
                last_activity_at: text(wire.get("lastActivityAt")),
            },
            partitions: number(wire.get("partitionCount")),
            replication_factor: number(wire.get("replicationFactor")),
            cleanup_policy: text(wire.get("cleanupPolicy")),
            retention_ms: number(wire.get("retentionInMs")),
            min_insync_replicas: number(wire.get("minIsr")),
        })
    }

    /// A topic known only from the search (no v2 read), e.g. found by prefix.
    pub fn into_topic(self, cluster: &str) -> Topic {
        Topic {
            name: self.name,
            cluster: cluster.to_string(),
            partitions: self.partitions,
            replication_factor: self.replication_factor,
            cleanup_policy: self.cleanup_policy,
            retention_ms: self.retention_ms,
            min_insync_replicas: self.min_insync_replicas,
            description: None,
            catalog_visibility: None,
            owner_application: self.labels.get(APPLICATION_LABEL).cloned(),
            owner_instance: self.labels.get(INSTANCE_LABEL).cloned(),
            labels: self.labels,
            metrics: self.metrics,
            console_link: None,
        }
    }
}

impl ToJson for Topic {
    fn write_json(&self, out: &mut String) {
        let m = &self.metrics;
        object(
            out,
            &[
                ("name", &self.name),
                ("cluster", &self.cluster),
                ("partitions", &self.partitions),
                ("replicationFactor", &self.replication_factor),
                ("cleanupPolicy", &self.cleanup_policy),
                ("retentionMs", &self.retention_ms),
                ("minInsyncReplicas", &self.min_insync_replicas),
                ("description", &self.description),
                ("catalogVisibility", &self.catalog_visibility),
                ("labels", &self.labels),
                ("ownerApplication", &self.owner_application),
                ("ownerInstance", &self.owner_instance),
                ("recordCount", &m.record_count),
                ("sizeBytes", &m.size_bytes),
                ("produceRate", &m.produce_rate),
                ("lastActivityAt", &m.last_activity_at),
                ("consoleLink", &self.console_link),
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Option<Number> {
        Some(Number::parse(text).unwrap())
    }

    const TOPIC: &str = r#"{"apiVersion":"v2","kind":"Topic",
      "metadata":{"name":"click.pageviews","cluster":"prod-eu",
        "labels":{"conduktor.io/application":"clickstream-app","conduktor.io/application-instance":"clickstream-prod","n":null},
        "catalogVisibility":"PUBLIC","descriptionIsEditable":true,"description":"Raw page views","sqlStorage":{"retentionTimeInSecond":1}},
      "spec":{"partitions":6,"replicationFactor":3,"configs":{"cleanup.policy":"delete","retention.ms":"604800000","min.insync.replicas":"2"}}}"#;

    #[test]
    fn decodes_a_topic_with_owner_and_configs() {
        let topic = decode_topic(TOPIC, "ignored").unwrap();
        assert_eq!(topic.cluster, "prod-eu");
        assert_eq!((topic.partitions.clone(), topic.replication_factor.clone()), (n("6"), n("3")));
        assert_eq!(topic.retention_ms, n("604800000"));
        assert_eq!(topic.min_insync_replicas, n("2"));
        assert_eq!(topic.cleanup_policy.as_deref(), Some("delete"));
        assert_eq!(topic.owner_application.as_deref(), Some("clickstream-app"));
        assert_eq!(topic.owner_instance.as_deref(), Some("clickstream-prod"));
        assert_eq!(topic.metrics, TopicMetrics::default());
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
    fn decodes_search_items_with_metrics() {
        let search = SearchTopic::decode(
            &crate::json::parse(
                r#"{"type":"IndexedTopic","name":"click.pageviews","recordCount":9007199254740993,"topicSize":1024,"produceRate":12.5,"lastActivityAt":"2026-11-29T10:00:00Z","partitionCount":6,"labels":{"conduktor.io/application":"clickstream-app"}}"#,
            )
            .unwrap(),
        )
        .unwrap();
        let topic = search.into_topic("prod-eu");
        assert_eq!(topic.metrics.size_bytes, n("1024"));
        assert_eq!(topic.metrics.produce_rate, n("12.5"));
        assert_eq!(topic.metrics.last_activity_at.as_deref(), Some("2026-11-29T10:00:00Z"));
        assert_eq!(topic.metrics.record_count, n("9007199254740993"), "large counts are passed on exactly");
        assert_eq!((topic.partitions, topic.owner_application.as_deref()), (n("6"), Some("clickstream-app")));
        let not_indexed = SearchTopic::decode(&crate::json::parse(r#"{"type":"NotIndexedTopic","name":"x"}"#).unwrap());
        assert_eq!(not_indexed.unwrap().into_topic("c").metrics, TopicMetrics::default());
        assert!(SearchTopic::decode(&crate::json::parse(r#"{"name":null}"#).unwrap()).is_err());
    }

    #[test]
    fn writes_the_javascript_shape() {
        let topic = decode_topic(TOPIC, "ignored").unwrap();
        assert_eq!(
            crate::json::to_string(&topic),
            r#"{"name":"click.pageviews","cluster":"prod-eu","partitions":6,"replicationFactor":3,"cleanupPolicy":"delete","retentionMs":604800000,"minInsyncReplicas":2,"description":"Raw page views","catalogVisibility":"PUBLIC","labels":{"conduktor.io/application":"clickstream-app","conduktor.io/application-instance":"clickstream-prod"},"ownerApplication":"clickstream-app","ownerInstance":"clickstream-prod"}"#
        );
    }
}
