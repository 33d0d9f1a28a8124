use serde::Serialize;
use serde_with::skip_serializing_none;

use super::sanitize::{is_hex_colour, strip_userinfo};
use crate::labels::Labels;
use crate::wire;

/// A Kafka cluster as the card shows it; credentials are never included.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct KafkaCluster {
    /// Console's technical id, used in every nested path.
    pub name: String,
    pub display_name: String,
    /// Comma-separated `host:port` list, as Console stores it.
    pub bootstrap_servers: String,
    /// A validated CSS hex colour; absent when Console has none or it is not a hex colour.
    pub color: Option<String>,
    pub icon: Option<String>,
    pub labels: Labels,
    pub schema_registry: Option<SchemaRegistrySummary>,
    /// Into the Console UI; present when `consoleUrl` was given.
    pub console_link: Option<String>,
}

/// Which schema registry a cluster uses, never how it authenticates.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct SchemaRegistrySummary {
    /// `ConfluentLike` or `Glue`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The registry URL without any `user:password@`.
    pub url: Option<String>,
}

impl From<wire::cluster::KafkaCluster<'_>> for KafkaCluster {
    fn from(wire: wire::cluster::KafkaCluster<'_>) -> Self {
        let spec = wire.spec;
        let name = wire.metadata.name.into_owned();
        KafkaCluster {
            display_name: spec.display_name.filter(|d| !d.trim().is_empty()).map_or_else(|| name.clone(), String::from),
            bootstrap_servers: spec.bootstrap_servers.map(String::from).unwrap_or_default(),
            color: spec.color.filter(|c| is_hex_colour(c)).map(String::from),
            icon: spec.icon.filter(|i| !i.is_empty()).map(String::from),
            labels: wire.metadata.labels,
            schema_registry: spec.schema_registry.and_then(|registry| {
                Some(SchemaRegistrySummary {
                    kind: registry.kind?.into_owned(),
                    url: registry.url.map(|url| strip_userinfo(&url)),
                })
            }),
            name,
            console_link: None,
        }
    }
}
