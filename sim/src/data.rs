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

/// A topic: the v2 resource and the metrics only the v1 search returns.
pub struct Topic {
    pub resource: Value,
    pub metrics: TopicMetrics,
}

pub struct TopicMetrics {
    pub record_count: i64,
    pub size_bytes: i64,
    pub produce_rate: i32,
    pub last_activity_at: String,
}

pub struct ConsumerGroup {
    pub cluster: String,
    pub name: String,
    pub state: String,
    pub members: i32,
    pub overall_lag: Option<i64>,
    pub max_lag_seconds: Option<i64>,
    pub topics: Vec<String>,
}

fn group(
    cluster: &str,
    name: &str,
    state: &str,
    members: i32,
    (overall_lag, max_lag_seconds): (Option<i64>, Option<i64>),
    topics: &[&str],
) -> ConsumerGroup {
    ConsumerGroup {
        cluster: cluster.into(),
        name: name.into(),
        state: state.into(),
        members,
        overall_lag,
        max_lag_seconds,
        topics: topics.iter().map(|t| t.to_string()).collect(),
    }
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

fn topic(
    cluster: &str,
    name: &str,
    owner: Option<(&str, &str)>,
    (partitions, replication): (i32, i32),
    (cleanup, retention_ms): (&str, i64),
    metrics: TopicMetrics,
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
        metrics,
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
    TopicMetrics { record_count, size_bytes, produce_rate, last_activity_at: last_activity_at.into() }
}

const WEEK_MS: i64 = 604_800_000;

impl Default for Seed {
    fn default() -> Self {
        let payments_prod = Some(("payments", "payments-prod"));
        let clickstream_prod = Some(("clickstream", "clickstream-prod"));
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
                ),
                topic(
                    "prod-eu",
                    "payments.refunds",
                    payments_prod,
                    (6, 3),
                    ("delete", WEEK_MS),
                    metrics(48_000, 12_582_912, 4, "2026-11-29T09:30:00Z"),
                ),
                topic(
                    "prod-eu",
                    "payments.ledger",
                    payments_prod,
                    (6, 3),
                    ("compact", -1),
                    metrics(310_000, 98_566_144, 9, "2026-11-29T09:58:00Z"),
                ),
                topic(
                    "prod-eu",
                    "click.pageviews",
                    clickstream_prod,
                    (24, 3),
                    ("delete", 86_400_000),
                    metrics(98_000_000, 52_428_800_000, 2_400, "2026-11-29T10:01:00Z"),
                ),
                topic(
                    "prod-eu",
                    "click.sessions",
                    clickstream_prod,
                    (12, 3),
                    ("delete", 86_400_000),
                    metrics(4_100_000, 2_147_483_648, 310, "2026-11-29T10:01:00Z"),
                ),
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
                group("prod-eu", "payments-processor", "Stable", 3, (Some(42), Some(2)), &["payments.orders"]),
                group(
                    "prod-eu",
                    "payments-refunds-worker",
                    "Empty",
                    0,
                    (Some(1_530), Some(3_600)),
                    &["payments.refunds"],
                ),
                group(
                    "prod-eu",
                    "click-enricher",
                    "Stable",
                    6,
                    (Some(542), Some(12)),
                    &["click.pageviews", "click.sessions"],
                ),
                group("prod-eu", "inventory-sync", "PreparingRebalance", 2, (None, None), &["inventory.stock"]),
                group("staging", "payments-processor", "Stable", 1, (Some(0), Some(0)), &["payments.orders"]),
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
