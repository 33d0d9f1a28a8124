//! `GET /public/console/v2/kafka-cluster`: `KafkaClusterResource`.

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient;
use super::metadata::Metadata;

#[derive(Deserialize)]
pub struct KafkaCluster<'a> {
    #[serde(borrow)]
    pub metadata: Metadata<'a>,
    /// Required: a cluster without a spec is not one Console would send.
    #[serde(borrow)]
    pub spec: Spec<'a>,
}

/// Never declared: `properties` (clear-text `sasl.jaas.config`), `kafkaFlavor`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Spec<'a> {
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub display_name: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub bootstrap_servers: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub color: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub icon: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::object")]
    pub schema_registry: Option<SchemaRegistry<'a>>,
}

/// Never declared: `security` (basic-auth passwords, bearer tokens, SSL keys).
#[derive(Deserialize)]
pub struct SchemaRegistry<'a> {
    /// `ConfluentLike` or `Glue`.
    #[serde(rename = "type", borrow, default, deserialize_with = "lenient::text")]
    pub kind: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub url: Option<Cow<'a, str>>,
}
