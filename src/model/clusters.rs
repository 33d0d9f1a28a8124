//! Kafka clusters: `GET /public/console/v2/kafka-cluster`.
//!
//! Read from Console's answer: `metadata.{name, labels}` and
//! `spec.{displayName, bootstrapServers, color, icon, schemaRegistry.{type, url}}`.
//! Never read: `spec.properties`, `schemaRegistry.security`, `kafkaFlavor`.

use super::common::{decode_list, is_hex_colour, required_string, strip_userinfo, text, write_list, Labels};
use crate::error::CoreError;
use crate::json::{object, Json, ToJson};

/// A Kafka cluster as the card shows it.
#[derive(Debug, PartialEq, Clone)]
pub struct KafkaCluster {
    /// Console's technical id, used in every nested path.
    pub name: String,
    pub display_name: String,
    /// Comma-separated `host:port` list, as Console stores it.
    pub bootstrap_servers: String,
    /// A CSS hex colour (`#rgb`, `#rrggbb`, …) or null when absent or not a hex colour.
    pub color: Option<String>,
    pub icon: Option<String>,
    pub labels: Labels,
    pub schema_registry: Option<SchemaRegistrySummary>,
    /// The cluster in the Console UI, when the caller gave `consoleUrl`.
    pub console_link: Option<String>,
}

/// Which schema registry a cluster uses, never how it authenticates.
#[derive(Debug, PartialEq, Clone)]
pub struct SchemaRegistrySummary {
    /// `ConfluentLike` or `Glue`.
    pub kind: String,
    /// Registry URL with any `user:password@` removed.
    pub url: Option<String>,
}

/// Decodes the body of `GET /public/console/v2/kafka-cluster`.
pub fn decode_clusters(body: &str) -> Result<Vec<KafkaCluster>, CoreError> {
    decode_list(body, "the cluster list", &decode_cluster)
}

/// Writes the body of `GET /public/console/v2/kafka-cluster` as the view models' JSON,
/// `finish` completing each one (its Console link).
pub fn write_clusters(body: &str, out: &mut String, finish: &dyn Fn(&mut KafkaCluster)) -> Result<(), CoreError> {
    write_list(body, "the cluster list", out, &mut |item, out| {
        let mut cluster = decode_cluster(item)?;
        finish(&mut cluster);
        cluster.write_json(out);
        Ok(())
    })
}

fn decode_cluster(wire: &Json) -> Result<KafkaCluster, String> {
    let name = required_string(wire, "metadata", "name")?;
    let spec = wire.get("spec").filter(|s| s.as_object().is_some()).ok_or("spec is not an object")?;
    let registry = spec.get("schemaRegistry");
    Ok(KafkaCluster {
        display_name: text(spec.get("displayName")).filter(|d| !d.trim().is_empty()).unwrap_or_else(|| name.clone()),
        bootstrap_servers: text(spec.get("bootstrapServers")).unwrap_or_default(),
        color: text(spec.get("color")).filter(|c| is_hex_colour(c)),
        icon: text(spec.get("icon")).filter(|i| !i.is_empty()),
        labels: Labels::decode(wire.get("metadata").and_then(|m| m.get("labels"))),
        schema_registry: registry.and_then(|sr| {
            Some(SchemaRegistrySummary { kind: text(sr.get("type"))?, url: sr.str_at("url").map(strip_userinfo) })
        }),
        name,
        console_link: None,
    })
}

impl ToJson for KafkaCluster {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[
                ("name", &self.name),
                ("displayName", &self.display_name),
                ("bootstrapServers", &self.bootstrap_servers),
                ("color", &self.color),
                ("icon", &self.icon),
                ("labels", &self.labels),
                ("schemaRegistry", &self.schema_registry),
                ("consoleLink", &self.console_link),
            ],
        );
    }
}

impl ToJson for SchemaRegistrySummary {
    fn write_json(&self, out: &mut String) {
        object(out, &[("type", &self.kind), ("url", &self.url)]);
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
        let out = crate::json::to_string(&decode_clusters(&fixture()).unwrap());
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
