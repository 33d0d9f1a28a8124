//! Self-service applications (`GET /public/self-serve/v1/application[/{name}]`) and
//! their instances (`GET /public/self-serve/v1/application-instance?application=`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{decode_error, string_labels, text};
use crate::error::CoreError;

#[derive(Deserialize)]
struct WireMetadata {
    name: String,
    #[serde(default)]
    application: Option<Value>,
    #[serde(default)]
    labels: Option<BTreeMap<String, Value>>,
}

#[derive(Deserialize)]
struct WireApplicationSpec {
    #[serde(default)]
    title: Option<Value>,
    #[serde(default)]
    owner: Option<Value>,
    #[serde(default)]
    description: Option<Value>,
}

#[derive(Deserialize)]
struct WireApplication {
    metadata: WireMetadata,
    #[serde(default)]
    spec: Option<WireApplicationSpec>,
}

#[derive(Debug, Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    pub name: String,
    pub title: String,
    /// Technical id of the Console group that owns the application.
    pub owner: Option<String>,
    pub description: Option<String>,
    pub labels: BTreeMap<String, String>,
}

pub fn decode_application(body: &str) -> Result<Application, CoreError> {
    let wire: WireApplication = serde_json::from_str(body).map_err(|e| decode_error("the application", &e))?;
    let spec = wire.spec.unwrap_or(WireApplicationSpec { title: None, owner: None, description: None });
    Ok(Application {
        title: text(spec.title).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| wire.metadata.name.clone()),
        name: wire.metadata.name,
        owner: text(spec.owner),
        description: text(spec.description),
        labels: string_labels(wire.metadata.labels),
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireResource {
    #[serde(rename = "type", default)]
    kind: Option<Value>,
    #[serde(default)]
    name: Option<Value>,
    #[serde(default)]
    pattern_type: Option<Value>,
    #[serde(default)]
    connect_cluster: Option<Value>,
    #[serde(default)]
    ownership_mode: Option<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireInstanceSpec {
    #[serde(default)]
    cluster: Option<Value>,
    #[serde(default)]
    service_account: Option<Value>,
    #[serde(default)]
    resources: Option<Vec<WireResource>>,
}

#[derive(Deserialize)]
struct WireInstance {
    metadata: WireMetadata,
    #[serde(default)]
    spec: Option<WireInstanceSpec>,
}

/// A resource pattern an instance owns.
#[derive(Debug, Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct OwnedResource {
    /// `TOPIC`, `CONSUMER_GROUP`, `SUBJECT` or `CONNECTOR`.
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    /// `LITERAL` or `PREFIXED`.
    pub pattern_type: String,
    pub connect_cluster: Option<String>,
    /// `ALL` (default) or `LIMITED`.
    pub ownership_mode: String,
}

impl OwnedResource {
    pub fn matches(&self, kind: &str, name: &str) -> bool {
        self.kind == kind
            && match self.pattern_type.as_str() {
                "PREFIXED" => name.starts_with(&self.name),
                _ => name == self.name,
            }
    }
}

#[derive(Debug, Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationInstance {
    pub name: String,
    pub application: Option<String>,
    pub cluster: Option<String>,
    pub service_account: Option<String>,
    pub resources: Vec<OwnedResource>,
    pub labels: BTreeMap<String, String>,
}

pub fn decode_instances(body: &str) -> Result<Vec<ApplicationInstance>, CoreError> {
    let wire: Vec<WireInstance> =
        serde_json::from_str(body).map_err(|e| decode_error("the application instances", &e))?;
    Ok(wire
        .into_iter()
        .map(|instance| {
            let spec =
                instance.spec.unwrap_or(WireInstanceSpec { cluster: None, service_account: None, resources: None });
            ApplicationInstance {
                name: instance.metadata.name,
                application: text(instance.metadata.application),
                cluster: text(spec.cluster),
                service_account: text(spec.service_account),
                resources: spec
                    .resources
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|r| {
                        Some(OwnedResource {
                            kind: text(r.kind)?,
                            name: text(r.name)?,
                            pattern_type: text(r.pattern_type).unwrap_or_else(|| "LITERAL".into()),
                            connect_cluster: text(r.connect_cluster),
                            ownership_mode: text(r.ownership_mode).unwrap_or_else(|| "ALL".into()),
                        })
                    })
                    .collect(),
                labels: string_labels(instance.metadata.labels),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_an_application() {
        let app = decode_application(
            r#"{"apiVersion":"v1","kind":"Application","metadata":{"name":"clickstream-app"},"spec":{"title":"Clickstream","owner":"team-analytics","policyRef":["x"]}}"#,
        )
        .unwrap();
        assert_eq!((app.title.as_str(), app.owner.as_deref()), ("Clickstream", Some("team-analytics")));
        let bare = decode_application(r#"{"metadata":{"name":"a"},"spec":null}"#).unwrap();
        assert_eq!(bare.title, "a");
    }

    #[test]
    fn decodes_instances_and_matches_their_resources() {
        let instances = decode_instances(
            r#"[{"apiVersion":"v1","kind":"ApplicationInstance",
                 "metadata":{"name":"clickstream-prod","application":"clickstream-app","labels":{"env":"prod"}},
                 "spec":{"cluster":"prod-eu","serviceAccount":"sa","resources":[
                   {"type":"TOPIC","name":"click.","patternType":"PREFIXED","ownershipMode":"ALL"},
                   {"type":"CONSUMER_GROUP","name":"click-enricher","patternType":"LITERAL"},
                   {"type":"CONNECTOR","name":"click.","patternType":"PREFIXED","connectCluster":"connect-main"},
                   {"type":null,"name":"broken"}]}}]"#,
        )
        .unwrap();
        let instance = &instances[0];
        assert_eq!(instance.cluster.as_deref(), Some("prod-eu"));
        assert_eq!(instance.resources.len(), 3, "entries without a type are skipped");
        assert!(instance.resources[0].matches("TOPIC", "click.pageviews"));
        assert!(!instance.resources[0].matches("TOPIC", "clicks"));
        assert!(instance.resources[1].matches("CONSUMER_GROUP", "click-enricher"));
        assert!(!instance.resources[1].matches("CONSUMER_GROUP", "click-enricher-2"));
    }
}
