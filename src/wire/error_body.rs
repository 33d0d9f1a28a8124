//! The bodies of refusals: Console's `{title, msg?, cause?}` and the Backstage
//! proxy's `{"error": {"name", "message"}}`.

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient;

/// Either shape, read leniently: `title` says it is Console's, `error.name` that it
/// is Backstage's.
#[derive(Deserialize)]
pub struct ErrorBody<'a> {
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub title: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub msg: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub cause: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::object")]
    pub error: Option<BackstageError<'a>>,
}

#[derive(Deserialize)]
pub struct BackstageError<'a> {
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub message: Option<Cow<'a, str>>,
}
