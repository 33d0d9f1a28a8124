//! The built-in demo dataset: clusters (with credentials exactly where Console
//! keeps them, each containing the marker `SIM-SECRET`, so tests can prove none
//! of it reaches the page), topics with their usage metrics, consumer groups with
//! lag, and self-service applications whose instances own topics by prefix and by
//! Console's `conduktor.io/application` label.

use serde_json::{json, Value};

/// Every planted secret contains this marker.
pub const SECRET_MARKER: &str = "SIM-SECRET";

/// Console's ownership labels on resources of a self-service application instance.
pub const APPLICATION_LABEL: &str = "conduktor.io/application";
pub const INSTANCE_LABEL: &str = "conduktor.io/application-instance";

/// A topic: the v2 resource, and what Console's indexer knows of it.
pub struct Topic {
    pub resource: Value,
    /// The v1 search's metrics and tags; `None` while Console has not indexed the
    /// topic yet: the search then lists it by name only (`NotIndexedTopic`).
    pub index: Option<TopicIndex>,
}

pub struct TopicIndex {
    pub metrics: TopicMetrics,
    pub tags: Vec<Tag>,
}

pub struct TopicMetrics {
    pub record_count: i64,
    pub size_bytes: i64,
    pub produce_rate: i32,
    /// RFC 3339; `None` when unknown (the search then leaves `lastActivityAt` out).
    pub last_activity_at: Option<String>,
}

/// A Console tag on a topic (`TagInfo`: a UUID, a name and a colour).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: String,
    pub name: String,
    pub color: String,
}

/// `ConsumerGroupState`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
pub enum GroupState {
    Unknown,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
    Empty,
}

impl GroupState {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupState::Unknown => "Unknown",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::CompletingRebalance => "CompletingRebalance",
            GroupState::Stable => "Stable",
            GroupState::Dead => "Dead",
            GroupState::Empty => "Empty",
        }
    }
}

pub struct ConsumerGroup {
    pub cluster: String,
    pub name: String,
    /// `None` while Console has not indexed the group yet (`NotIndexedConsumerGroup`).
    pub index: Option<GroupIndex>,
}

pub struct GroupIndex {
    pub state: GroupState,
    pub members: i32,
    pub overall_lag: Option<i64>,
    pub max_lag_seconds: Option<i64>,
    pub topics: Vec<String>,
}

fn group(
    cluster: &str,
    name: &str,
    state: GroupState,
    members: i32,
    (overall_lag, max_lag_seconds): (Option<i64>, Option<i64>),
    topics: &[&str],
) -> ConsumerGroup {
    ConsumerGroup {
        cluster: cluster.into(),
        name: name.into(),
        index: Some(GroupIndex {
            state,
            members,
            overall_lag,
            max_lag_seconds,
            topics: topics.iter().map(|t| t.to_string()).collect(),
        }),
    }
}

fn not_indexed_group(cluster: &str, name: &str) -> ConsumerGroup {
    ConsumerGroup { cluster: cluster.into(), name: name.into(), index: None }
}

pub struct Seed {
    pub clusters: Vec<Value>,
    pub topics: Vec<Topic>,
    pub consumer_groups: Vec<ConsumerGroup>,
    pub applications: Vec<Value>,
    pub instances: Vec<Value>,
    pub subjects: Vec<Value>,
    pub application_groups: Vec<Value>,
}

impl Seed {
    pub fn cluster_exists(&self, name: &str) -> bool {
        self.clusters.iter().any(|c| c["metadata"]["name"] == name)
    }

    pub fn topics_of<'a>(&'a self, cluster: &'a str) -> impl Iterator<Item = &'a Topic> + 'a {
        self.topics.iter().filter(move |t| t.resource["metadata"]["cluster"] == cluster)
    }
}

impl Topic {
    pub fn name(&self) -> &str {
        self.resource["metadata"]["name"].as_str().unwrap_or("")
    }
}

fn topic(
    cluster: &str,
    name: &str,
    owner: Option<(&str, &str)>,
    (partitions, replication): (i32, i32),
    (cleanup, retention_ms): (&str, i64),
    metrics: TopicMetrics,
) -> Topic {
    let mut topic = not_indexed_topic(cluster, name, owner, (partitions, replication), (cleanup, retention_ms));
    topic.index = Some(TopicIndex { metrics, tags: vec![] });
    topic
}

/// A topic Console has not indexed yet: its v2 resource exists (Kafka has it), the
/// v1 search knows its name only.
fn not_indexed_topic(
    cluster: &str,
    name: &str,
    owner: Option<(&str, &str)>,
    (partitions, replication): (i32, i32),
    (cleanup, retention_ms): (&str, i64),
) -> Topic {
    let mut labels = json!({ "data-criticality": if cluster == "prod-eu" { "C1" } else { "C3" } });
    if let Some((application, instance)) = owner {
        labels[APPLICATION_LABEL] = json!(application);
        labels[INSTANCE_LABEL] = json!(instance);
    }
    Topic {
        resource: json!({
            "apiVersion": "v2", "kind": "Topic",
            "metadata": {
                "name": name, "cluster": cluster, "labels": labels,
                "catalogVisibility": "PUBLIC", "descriptionIsEditable": true,
                "description": format!("Demo topic {name}")
            },
            "spec": {
                "partitions": partitions, "replicationFactor": replication,
                "configs": {
                    "cleanup.policy": cleanup, "retention.ms": retention_ms.to_string(),
                    "min.insync.replicas": if replication > 1 { "2" } else { "1" }
                }
            }
        }),
        index: None,
    }
}

impl Topic {
    fn tagged(mut self, tags: &[&Tag]) -> Topic {
        if let Some(index) = self.index.as_mut() {
            index.tags = tags.iter().map(|t| (*t).clone()).collect();
        }
        self
    }
}

/// A schema-registry subject (latest version only, as Console represents it).
fn subject(cluster: &str, name: &str, application: Option<&str>, id: i32, version: i32) -> Value {
    let mut labels = json!({});
    if let Some(application) = application {
        labels[APPLICATION_LABEL] = json!(application);
    }
    json!({
        "apiVersion": "v2", "kind": "Subject",
        "metadata": { "name": name, "cluster": cluster, "labels": labels },
        "spec": {
            "format": "AVRO", "compatibility": "BACKWARD", "id": id, "version": version,
            "schema": "{\"type\":\"record\",\"name\":\"Event\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}"
        }
    })
}

fn metrics(record_count: i64, size_bytes: i64, produce_rate: i32, last_activity_at: &str) -> TopicMetrics {
    TopicMetrics { record_count, size_bytes, produce_rate, last_activity_at: Some(last_activity_at.into()) }
}

fn tag(id: &str, name: &str, color: &str) -> Tag {
    Tag { id: id.into(), name: name.into(), color: color.into() }
}

const WEEK_MS: i64 = 604_800_000;

impl Default for Seed {
    fn default() -> Self {
        let payments_prod = Some(("payments", "payments-prod"));
        let clickstream_prod = Some(("clickstream", "clickstream-prod"));
        let pci = tag("3f2b6c1e-9d4a-4f7b-8c2e-5a1d0e9b7c42", "pci", "#C0392B");
        let gdpr = tag("8e4d2a7b-1c3f-4e5a-9b6d-0f2c7a1e3d58", "gdpr", "#2980B9");
        Seed {
            clusters: vec![
                json!({
                    "apiVersion": "v2", "kind": "KafkaCluster",
                    "metadata": { "name": "prod-eu", "labels": { "env": "prod", "region": "eu-west-1" } },
                    "spec": {
                        "displayName": "Production EU",
                        "bootstrapServers": "b1.prod-eu.kafka.internal:9092,b2.prod-eu.kafka.internal:9092",
                        "color": "#E74C3C", "icon": "kafka", "ignoreUntrustedCertificate": false,
                        "properties": {
                            "security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN",
                            "sasl.jaas.config": format!("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc-console\" password=\"{SECRET_MARKER}-prod-eu-sasl\";")
                        },
                        "schemaRegistry": {
                            "type": "ConfluentLike", "url": "https://sr.prod-eu.kafka.internal:8081",
                            "security": { "type": "BasicAuth", "username": "sr-console", "password": format!("{SECRET_MARKER}-prod-eu-sr") },
                            "ignoreUntrustedCertificate": false
                        },
                        "kafkaFlavor": {
                            "type": "Confluent", "key": "CKEY123", "secret": format!("{SECRET_MARKER}-prod-eu-confluent"),
                            "confluentEnvironmentId": "env-1", "confluentClusterId": "lkc-1"
                        }
                    }
                }),
                json!({
                    "apiVersion": "v2", "kind": "KafkaCluster",
                    "metadata": { "name": "staging", "labels": { "env": "staging" } },
                    "spec": {
                        "displayName": "Staging",
                        "bootstrapServers": "staging.kafka.internal:9092",
                        "color": "#F39C12", "icon": "kafka", "ignoreUntrustedCertificate": true,
                        "properties": { "sasl.jaas.config": format!("password=\"{SECRET_MARKER}-staging-sasl\"") },
                        "schemaRegistry": {
                            "type": "Glue", "region": "eu-west-1", "registryName": "staging",
                            "security": { "type": "Credentials", "accessKeyId": "AKIASIM", "secretKey": format!("{SECRET_MARKER}-staging-glue") }
                        },
                        "kafkaFlavor": { "type": "Aiven", "apiToken": format!("{SECRET_MARKER}-staging-aiven"), "project": "p", "serviceName": "kafka-staging" }
                    }
                }),
                json!({
                    "apiVersion": "v2", "kind": "KafkaCluster",
                    "metadata": { "name": "dev" },
                    "spec": { "displayName": "Dev", "bootstrapServers": "localhost:9092", "ignoreUntrustedCertificate": false }
                }),
            ],
            topics: vec![
                topic(
                    "prod-eu",
                    "payments.orders",
                    payments_prod,
                    (12, 3),
                    ("delete", WEEK_MS),
                    metrics(1_250_000, 734_003_200, 120, "2026-11-29T10:00:00Z"),
                )
                .tagged(&[&pci]),
                topic(
                    "prod-eu",
                    "payments.refunds",
                    payments_prod,
                    (6, 3),
                    ("delete", WEEK_MS),
                    metrics(48_000, 12_582_912, 4, "2026-11-29T09:30:00Z"),
                )
                .tagged(&[&pci]),
                topic(
                    "prod-eu",
                    "payments.ledger",
                    payments_prod,
                    (6, 3),
                    ("compact", -1),
                    metrics(310_000, 98_566_144, 9, "2026-11-29T09:58:00Z"),
                ),
                // Created since Console's last indexing cycle: the v1 search lists it by
                // name only (the end-to-end entity payments-api's `payments.*` matches it).
                not_indexed_topic("prod-eu", "payments.chargebacks", payments_prod, (6, 3), ("delete", WEEK_MS)),
                topic(
                    "prod-eu",
                    "click.pageviews",
                    clickstream_prod,
                    (24, 3),
                    ("delete", 86_400_000),
                    metrics(98_000_000, 52_428_800_000, 2_400, "2026-11-29T10:01:00Z"),
                )
                .tagged(&[&gdpr]),
                topic(
                    "prod-eu",
                    "click.sessions",
                    clickstream_prod,
                    (12, 3),
                    ("delete", 86_400_000),
                    metrics(4_100_000, 2_147_483_648, 310, "2026-11-29T10:01:00Z"),
                )
                .tagged(&[&gdpr, &pci]),
                topic(
                    "prod-eu",
                    "inventory.stock",
                    None,
                    (3, 3),
                    ("compact", -1),
                    metrics(52_000, 8_388_608, 1, "2026-11-28T22:10:00Z"),
                ),
                topic(
                    "staging",
                    "payments.orders",
                    Some(("payments", "payments-staging")),
                    (3, 1),
                    ("delete", WEEK_MS),
                    metrics(9_800, 4_194_304, 2, "2026-11-29T08:00:00Z"),
                ),
                topic(
                    "staging",
                    "click.pageviews",
                    None,
                    (3, 1),
                    ("delete", 86_400_000),
                    metrics(120_000, 67_108_864, 15, "2026-11-29T08:10:00Z"),
                ),
                topic(
                    "dev",
                    "scratch",
                    None,
                    (1, 1),
                    ("delete", 3_600_000),
                    metrics(10, 2_048, 0, "2026-11-20T12:00:00Z"),
                ),
            ],
            consumer_groups: vec![
                group(
                    "prod-eu",
                    "payments-processor",
                    GroupState::Stable,
                    3,
                    (Some(42), Some(2)),
                    &["payments.orders"],
                ),
                group(
                    "prod-eu",
                    "payments-refunds-worker",
                    GroupState::Empty,
                    0,
                    (Some(1_530), Some(3_600)),
                    &["payments.refunds"],
                ),
                group(
                    "prod-eu",
                    "click-enricher",
                    GroupState::Stable,
                    6,
                    (Some(542), Some(12)),
                    &["click.pageviews", "click.sessions"],
                ),
                group(
                    "prod-eu",
                    "inventory-sync",
                    GroupState::PreparingRebalance,
                    2,
                    (None, None),
                    &["inventory.stock"],
                ),
                group("staging", "payments-processor", GroupState::Stable, 1, (Some(0), Some(0)), &["payments.orders"]),
                not_indexed_group("staging", "payments-audit"),
            ],
            applications: vec![
                json!({
                    "apiVersion": "v1", "kind": "Application",
                    "metadata": { "name": "payments", "labels": { "domain": "finance" } },
                    "spec": { "title": "Payments", "owner": "team-payments", "description": "Card payments and refunds" }
                }),
                json!({
                    "apiVersion": "v1", "kind": "Application",
                    "metadata": { "name": "clickstream" },
                    "spec": { "title": "Clickstream", "owner": "team-analytics" }
                }),
            ],
            subjects: vec![
                subject("prod-eu", "payments.orders-value", Some("payments"), 17, 4),
                subject("prod-eu", "payments.refunds-value", Some("payments"), 21, 1),
                subject("prod-eu", "click.pageviews-value", Some("clickstream"), 30, 2),
                subject("staging", "payments.orders-value", Some("payments"), 3, 1),
            ],
            application_groups: vec![json!({
                "apiVersion": "v1", "kind": "ApplicationGroup",
                "metadata": { "application": "payments", "name": "payments-developers" },
                "spec": {
                    "displayName": "Payments developers",
                    "description": "Everyone who builds the payments services",
                    "permissions": [
                        { "appInstance": "payments-prod", "resourceType": "TOPIC", "name": "payments.", "patternType": "PREFIXED", "permissions": ["topicViewConfig", "topicConsume"] }
                    ],
                    "members": [],
                    "externalGroups": ["payments-developers"]
                }
            })],
            instances: vec![
                json!({
                    "apiVersion": "v1", "kind": "ApplicationInstance",
                    "metadata": { "name": "payments-prod", "application": "payments", "labels": { "env": "prod" } },
                    "spec": {
                        "cluster": "prod-eu", "serviceAccount": "sa-payments-prod", "applicationManagedServiceAccount": false,
                        "topicPolicyRef": ["generic-prod-topic"], "defaultCatalogVisibility": "PUBLIC",
                        "resources": [
                            { "type": "TOPIC", "name": "payments.", "patternType": "PREFIXED", "ownershipMode": "ALL" },
                            { "type": "CONSUMER_GROUP", "name": "payments-", "patternType": "PREFIXED" }
                        ]
                    }
                }),
                json!({
                    "apiVersion": "v1", "kind": "ApplicationInstance",
                    "metadata": { "name": "payments-staging", "application": "payments" },
                    "spec": {
                        "cluster": "staging", "serviceAccount": "sa-payments-staging",
                        "resources": [ { "type": "TOPIC", "name": "payments.orders", "patternType": "LITERAL" } ]
                    }
                }),
                json!({
                    "apiVersion": "v1", "kind": "ApplicationInstance",
                    "metadata": { "name": "clickstream-prod", "application": "clickstream" },
                    "spec": {
                        "cluster": "prod-eu", "serviceAccount": "sa-clickstream",
                        "resources": [
                            { "type": "TOPIC", "name": "click.", "patternType": "PREFIXED" },
                            { "type": "CONSUMER_GROUP", "name": "click-", "patternType": "PREFIXED" }
                        ]
                    }
                }),
            ],
        }
    }
}
