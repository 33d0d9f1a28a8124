//! Who sent a request, as far as the simulator may say: one record per request,
//! set by the session middleware (`session.rs`) before anything else runs and read
//! by the logs, the request log and the `User` extractor. It holds a fingerprint
//! of the bearer token, never the token.

use axum::http::{Extensions, HeaderMap};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::auth::{bearer_token, Identity};

#[derive(Clone)]
pub struct Caller {
    /// A short, non-reversible fingerprint of the bearer token, if there is one.
    pub token_fingerprint: Option<String>,
    pub authentication: Authentication,
}

/// The outcome of the token check.
#[derive(Clone)]
pub enum Authentication {
    /// Not a public API route: the token was not checked.
    NotChecked,
    Valid(Identity),
    /// No token, or a token Console would refuse (the reason is logged).
    Refused,
}

impl Caller {
    /// The record of a request whose token is not checked.
    pub fn unchecked(headers: &HeaderMap) -> Caller {
        Caller {
            token_fingerprint: bearer_token(headers).ok().map(fingerprint),
            authentication: Authentication::NotChecked,
        }
    }

    /// The record the session middleware left on the request, if any.
    pub fn of(extensions: &Extensions) -> Option<&Caller> {
        extensions.get::<Caller>()
    }

    pub fn identity(&self) -> Option<&Identity> {
        match &self.authentication {
            Authentication::Valid(identity) => Some(identity),
            _ => None,
        }
    }

    pub fn username(&self) -> Option<&str> {
        self.identity().map(|identity| identity.username.as_str())
    }
}

pub fn fingerprint(token: &str) -> String {
    let mut hasher = DefaultHasher::new();
    token.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}
