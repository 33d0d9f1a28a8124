//! Console's wire shapes (only the fields the card may show) and the display-safe
//! view models handed to JavaScript.
//!
//! Redaction happens by construction: the decoders copy only the fields they name,
//! and none names a credential (`spec.properties`, `schemaRegistry.security`,
//! `kafkaFlavor`, connector `config`), so those values are skipped while parsing and
//! never exist in a view model, let alone in JavaScript.

mod applications;
mod clusters;
mod common;
mod consumer_groups;
mod topics;

pub use applications::{decode_application, decode_instances, Application, ApplicationInstance};
pub use clusters::{decode_clusters, write_clusters, KafkaCluster};
pub use consumer_groups::{decode_page, ConsumerGroup};
#[cfg(test)]
pub use topics::decode_topics;
pub use topics::{decode_topic, write_topics, SearchTopic, Topic};
