//! Kafka clusters: `GET /public/console/v2/kafka-cluster`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{decode_error, is_hex_colour, string_labels, strip_userinfo};
use crate::error::CoreError;

#[derive(Deserialize)]
struct WireMetadata {
    name: String,
    #[serde(default)]
    labels: Option<BTreeMap<String, Value>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireClusterSpec {
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    bootstrap_servers: Option<String>,
    #[serde(default)]
    color: Option<String>,
    #[serde(default)]
    icon: Option<String>,
    #[serde(default)]
    schema_registry: Option<WireSchemaRegistry>,
}

#[derive(Deserialize)]
struct WireSchemaRegistry {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
struct WireKafkaCluster {
    metadata: WireMetadata,
    spec: WireClusterSpec,
}

/// A Kafka cluster as the card shows it.
#[derive(Debug, Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct KafkaCluster {
    /// Console's technical id, used in every nested path.
    pub name: String,
    pub display_name: String,
    /// Comma-separated `host:port` list, as Console stores it.
    pub bootstrap_servers: String,
    /// A CSS hex colour (`#rgb`, `#rrggbb`, …) or null when absent or not a hex colour.
    pub color: Option<String>,
    pub icon: Option<String>,
    pub labels: BTreeMap<String, String>,
    pub schema_registry: Option<SchemaRegistrySummary>,
}

/// Which schema registry a cluster uses, never how it authenticates.
#[derive(Debug, Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct SchemaRegistrySummary {
    /// `ConfluentLike` or `Glue`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Registry URL with any `user:password@` removed.
    pub url: Option<String>,
}

/// Decodes the body of `GET /public/console/v2/kafka-cluster`.
pub fn decode_clusters(body: &str) -> Result<Vec<KafkaCluster>, CoreError> {
    let wire: Vec<WireKafkaCluster> = serde_json::from_str(body).map_err(|e| decode_error("the cluster list", &e))?;
    Ok(wire.into_iter().map(KafkaCluster::from).collect())
}

impl From<WireKafkaCluster> for KafkaCluster {
    fn from(wire: WireKafkaCluster) -> Self {
        let WireKafkaCluster { metadata, spec } = wire;
        KafkaCluster {
            display_name: spec.display_name.filter(|d| !d.trim().is_empty()).unwrap_or_else(|| metadata.name.clone()),
            name: metadata.name,
            bootstrap_servers: spec.bootstrap_servers.unwrap_or_default(),
            color: spec.color.filter(|c| is_hex_colour(c)),
            icon: spec.icon.filter(|i| !i.is_empty()),
            labels: string_labels(metadata.labels),
            schema_registry: spec
                .schema_registry
                .and_then(|sr| Some(SchemaRegistrySummary { kind: sr.kind?, url: sr.url.map(|u| strip_userinfo(&u)) })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "sim-secret-do-not-show";

    fn fixture() -> String {
        format!(
            r##"[
  {{"apiVersion":"v2","kind":"KafkaCluster",
    "metadata":{{"name":"prod-eu","labels":{{"env":"prod","weird":null,"n":3}}}},
    "spec":{{"displayName":"Production EU","bootstrapServers":"b1:9092,b2:9092",
      "color":"#E74C3C","icon":"kafka","ignoreUntrustedCertificate":false,
      "properties":{{"sasl.jaas.config":"password=\"{SECRET}\""}},
      "schemaRegistry":{{"type":"ConfluentLike","url":"https://sr:{SECRET}@sr.prod:8081",
        "security":{{"type":"BasicAuth","username":"sr","password":"{SECRET}"}}}},
      "kafkaFlavor":{{"type":"Confluent","key":"k","secret":"{SECRET}"}},
      "futureField":{{"x":1}}}}}},
  {{"apiVersion":"v2","kind":"KafkaCluster","metadata":{{"name":"dev"}},
    "spec":{{"displayName":"","bootstrapServers":"localhost:9092","color":"red;background:url(x)"}}}}
]"##
        )
    }

    #[test]
    fn decodes_display_safe_clusters() {
        let clusters = decode_clusters(&fixture()).unwrap();
        assert_eq!(clusters.len(), 2);
        let prod = &clusters[0];
        assert_eq!(prod.name, "prod-eu");
        assert_eq!(prod.display_name, "Production EU");
        assert_eq!(prod.bootstrap_servers, "b1:9092,b2:9092");
        assert_eq!(prod.color.as_deref(), Some("#E74C3C"));
        assert_eq!(prod.labels.len(), 1);
        let sr = prod.schema_registry.as_ref().unwrap();
        assert_eq!((sr.kind.as_str(), sr.url.as_deref()), ("ConfluentLike", Some("https://sr.prod:8081")));
        let dev = &clusters[1];
        assert_eq!(dev.display_name, "dev", "blank display name falls back to the id");
        assert_eq!(dev.color, None, "non-hex colours are dropped");
    }

    #[test]
    fn secrets_never_survive_decoding() {
        let out = serde_json::to_string(&decode_clusters(&fixture()).unwrap()).unwrap();
        assert!(!out.contains(SECRET), "{out}");
        assert!(!out.contains("properties") && !out.contains("security") && !out.contains("kafkaFlavor"));
    }

    #[test]
    fn bad_bodies_are_decode_errors() {
        for body in ["", "{}", "[{}]", "null", "[{\"metadata\":{\"name\":1},\"spec\":{}}]", "<html>", "[1,"] {
            let e = decode_clusters(body).expect_err(body);
            assert_eq!(e.kind, crate::error::ErrorKind::Decode, "{body}");
        }
        assert_eq!(decode_clusters("[]").unwrap(), vec![]);
    }

    #[test]
    fn colours_and_userinfo() {
        for ok in ["#fff", "#ffff", "#A1b2C3", "#a1b2c3d4"] {
            assert!(is_hex_colour(ok), "{ok}");
        }
        for bad in ["", "#", "red", "#ggg", "#12345", "url(x)", "#fff;x:y", "#ﬀﬀﬀ"] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
        assert_eq!(strip_userinfo("https://u:p@h:1/x@y"), "https://h:1/x@y");
        assert_eq!(strip_userinfo("https://h/x"), "https://h/x");
        assert_eq!(strip_userinfo("no-scheme@x"), "no-scheme@x");
        assert_eq!(strip_userinfo("é://ü@h"), "é://h");
    }
}
