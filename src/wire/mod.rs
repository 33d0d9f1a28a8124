//! Console's answers as it sends them: only the fields the card may show, borrowed
//! from the body where no unescaping is needed.
//!
//! Redaction happens by construction: no type here declares a credential
//! (`spec.properties`, `schemaRegistry.security`, `kafkaFlavor`, connector configs),
//! so serde skips those values while parsing and they never exist in memory as data.
//! Optional fields read through `lenient`: an odd value is left out, never fatal.
//! Only what identifies a resource (its name) is required; an item without one is
//! dropped from its list with a problem recorded (see `decode`).

pub mod application;
pub mod cluster;
pub mod error_body;
pub mod group;
pub mod lenient;
pub mod metadata;
pub mod topic;
