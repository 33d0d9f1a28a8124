//! The `metadata` every Console resource of the card has: its name and labels.

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient;
use crate::labels::Labels;

#[derive(Deserialize)]
pub struct Metadata<'a> {
    /// Console's technical id, used in every nested path.
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(default, deserialize_with = "lenient::labels")]
    pub labels: Labels,
}
