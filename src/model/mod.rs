//! Console's wire shapes (only the fields the card may show) and the display-safe
//! view models handed to JavaScript.
//!
//! Redaction happens by construction: the wire structs do not declare credentials
//! (`spec.properties`, `schemaRegistry.security`, `kafkaFlavor`, connector
//! `config`), so serde skips those values while parsing and they never exist in
//! Rust, let alone in JavaScript.

mod applications;
mod clusters;
mod common;
mod consumer_groups;
mod topics;

pub use applications::{decode_application, decode_instances, Application, ApplicationInstance};
pub use clusters::{decode_clusters, KafkaCluster};
pub use consumer_groups::{decode_page, ConsumerGroup, SearchPage, WireConsumerGroup};
pub use topics::{decode_topic, decode_topics, Topic, WireSearchTopic};
