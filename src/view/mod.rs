//! The display-safe view models handed to JavaScript, built from the wire shapes.
//!
//! Each shape is defined once, here: `Serialize` (camelCase, absent values left out)
//! writes what the card receives, and with the `typescript` feature ts-rs derives the
//! declarations shipped in `wasm/src/view-models.d.ts` from the same types.

mod application;
mod cluster;
mod group;
mod overview;
mod sanitize;
mod topic;

pub use application::{Application, ApplicationInstance, OwnedResource};
pub use cluster::{KafkaCluster, SchemaRegistrySummary};
pub use group::ConsumerGroup;
pub use overview::{ApplicationOverview, EntityOverview, ListInfo, Problem, Truncation};
pub use sanitize::{is_hex_colour, strip_userinfo};
pub use topic::{Topic, TopicTag, APPLICATION_LABEL, INSTANCE_LABEL};
