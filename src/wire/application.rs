//! Self-service applications (`GET /public/self-serve/v1/application[/{name}]`) and
//! their instances (`GET /public/self-serve/v1/application-instance?application=`).

use std::borrow::Cow;

use serde::Deserialize;

use super::lenient;
use super::metadata::Metadata;
use crate::labels::Labels;

/// `ApplicationResource`.
#[derive(Deserialize)]
pub struct Application<'a> {
    #[serde(borrow)]
    pub metadata: Metadata<'a>,
    #[serde(borrow, default, deserialize_with = "lenient::object")]
    pub spec: Option<ApplicationSpec<'a>>,
}

#[derive(Deserialize)]
pub struct ApplicationSpec<'a> {
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub title: Option<Cow<'a, str>>,
    /// Technical id of the Console group that owns the application.
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub owner: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub description: Option<Cow<'a, str>>,
}

/// `ApplicationInstanceResource`.
#[derive(Deserialize)]
pub struct ApplicationInstance<'a> {
    #[serde(borrow)]
    pub metadata: InstanceMetadata<'a>,
    #[serde(borrow, default, deserialize_with = "lenient::object")]
    pub spec: Option<InstanceSpec<'a>>,
}

#[derive(Deserialize)]
pub struct InstanceMetadata<'a> {
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub application: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "lenient::labels")]
    pub labels: Labels,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceSpec<'a> {
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub cluster: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub service_account: Option<Cow<'a, str>>,
    /// Entries without a type or name are dropped.
    #[serde(borrow, default, deserialize_with = "lenient::items")]
    pub resources: Option<Vec<ResourceWithOwnership<'a>>>,
}

/// `ResourceWithOwnership`: a resource pattern an instance owns.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceWithOwnership<'a> {
    /// `TOPIC`, `CONSUMER_GROUP`, `SUBJECT` or `CONNECTOR`.
    #[serde(rename = "type", borrow)]
    pub kind: Cow<'a, str>,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub pattern_type: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub connect_cluster: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    pub ownership_mode: Option<Cow<'a, str>>,
}
