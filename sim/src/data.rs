//! Seeded Console data. Cluster resources carry credentials exactly where Console
//! keeps them (`spec.properties`, `schemaRegistry.security`, `kafkaFlavor`), each
//! containing the marker `SIM-SECRET`, so tests can prove none of it reaches the page.

use serde_json::{json, Value};

/// Every planted secret contains this marker.
pub const SECRET_MARKER: &str = "SIM-SECRET";

pub struct Seed {
    pub clusters: Vec<Value>,
}

impl Default for Seed {
    fn default() -> Self {
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
        }
    }
}
