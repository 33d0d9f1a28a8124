use serde::Serialize;
use serde_with::skip_serializing_none;

use crate::labels::Labels;
use crate::wire;

/// A self-service application.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct Application {
    pub name: String,
    /// The application's title, or its name when it has none.
    pub title: String,
    /// Technical id of the Console group that owns the application.
    pub owner: Option<String>,
    pub description: Option<String>,
    pub labels: Labels,
    /// Into the Console UI; present when `consoleUrl` was given.
    pub console_link: Option<String>,
}

/// A resource pattern an application instance owns.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct OwnedResource {
    /// `TOPIC`, `CONSUMER_GROUP`, `SUBJECT` or `CONNECTOR`.
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    /// `LITERAL` or `PREFIXED`.
    pub pattern_type: String,
    pub connect_cluster: Option<String>,
    /// `ALL` or `LIMITED`.
    pub ownership_mode: String,
}

/// An instance of a self-service application on one cluster.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct ApplicationInstance {
    pub name: String,
    pub application: Option<String>,
    pub cluster: Option<String>,
    pub service_account: Option<String>,
    pub resources: Vec<OwnedResource>,
    pub labels: Labels,
}

impl OwnedResource {
    /// Whether a resource of `kind` named `name` falls under this pattern.
    pub fn matches(&self, kind: &str, name: &str) -> bool {
        self.kind == kind
            && match self.pattern_type.as_str() {
                "PREFIXED" => name.starts_with(&self.name),
                _ => name == self.name,
            }
    }
}

impl From<wire::application::Application<'_>> for Application {
    fn from(wire: wire::application::Application<'_>) -> Self {
        let name = wire.metadata.name.into_owned();
        let (title, owner, description) = wire.spec.map_or((None, None, None), |s| (s.title, s.owner, s.description));
        Application {
            title: title.filter(|t| !t.trim().is_empty()).map_or_else(|| name.clone(), String::from),
            name,
            owner: owner.map(String::from),
            description: description.map(String::from),
            labels: wire.metadata.labels,
            console_link: None,
        }
    }
}

impl From<wire::application::ResourceWithOwnership<'_>> for OwnedResource {
    fn from(wire: wire::application::ResourceWithOwnership<'_>) -> Self {
        OwnedResource {
            kind: wire.kind.into_owned(),
            name: wire.name.into_owned(),
            pattern_type: wire.pattern_type.map_or_else(|| "LITERAL".into(), String::from),
            connect_cluster: wire.connect_cluster.map(String::from),
            ownership_mode: wire.ownership_mode.map_or_else(|| "ALL".into(), String::from),
        }
    }
}

impl From<wire::application::ApplicationInstance<'_>> for ApplicationInstance {
    fn from(wire: wire::application::ApplicationInstance<'_>) -> Self {
        let (cluster, service_account, resources) =
            wire.spec.map_or((None, None, None), |s| (s.cluster, s.service_account, s.resources));
        ApplicationInstance {
            name: wire.metadata.name.into_owned(),
            application: wire.metadata.application.map(String::from),
            cluster: cluster.map(String::from),
            service_account: service_account.map(String::from),
            resources: resources.unwrap_or_default().into_iter().map(OwnedResource::from).collect(),
            labels: wire.metadata.labels,
        }
    }
}
