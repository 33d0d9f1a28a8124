//! The Conduktor card's logic as pure Rust, with no WebAssembly or JavaScript types:
//! the `wasm/` crate adds the exports, the conversions to and from JavaScript and the
//! transport (the browser's fetch through gloo-net).
//!
//! Data flows one way:
//!
//! ```text
//! annotations ─► plan ─► request ─► (Transport) ─► decode/wire ─► answers ─► join ─► links ─► view
//!  (EntityRefs)  (Fetch)  (HttpRequest)              (Dropped)     (Answer)   (EntityOverview)
//! ```
//!
//! `client` drives one call: it validates nothing itself (`credentials`, `endpoint`
//! and `options` did), sends the requests through the `Transport` with request
//! sharing and caching (`cache`), turns non-2xx answers into typed errors
//! (`classify`), and scrubs the token from every error. `overview` runs the plan in
//! rounds (`bounded`) and joins the answers. `inspect` reads a JWT's claims for the
//! card's explanations.

pub mod annotations;
pub mod answers;
pub mod bounded;
pub mod cache;
pub mod classify;
pub mod client;
pub mod credentials;
pub mod decode;
pub mod endpoint;
pub mod error;
pub mod inspect;
pub mod join;
pub mod labels;
pub mod links;
pub mod options;
pub mod overview;
pub mod plan;
pub mod request;
pub mod view;
pub mod wire;

pub use error::{CoreError, ErrorKind};
