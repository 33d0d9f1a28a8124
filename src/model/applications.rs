//! Self-service applications (`GET /public/self-serve/v1/application[/{name}]`) and
//! their instances (`GET /public/self-serve/v1/application-instance?application=`).

use super::common::{decode_error, decode_list, parse, required_string, text, Labels};
use crate::error::CoreError;
use crate::json::{object, Json, ToJson};

#[derive(Debug, PartialEq, Clone)]
pub struct Application {
    pub name: String,
    pub title: String,
    /// Technical id of the Console group that owns the application.
    pub owner: Option<String>,
    pub description: Option<String>,
    pub labels: Labels,
    /// The application in the Console UI, when the caller gave `consoleUrl`.
    pub console_link: Option<String>,
}

pub fn decode_application(body: &str) -> Result<Application, CoreError> {
    let what = "the application";
    let wire = parse(body, what)?;
    let name = required_string(&wire, "metadata", "name").map_err(|why| decode_error(what, &why))?;
    let spec = wire.get("spec");
    Ok(Application {
        title: text(spec.and_then(|s| s.get("title"))).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| name.clone()),
        name,
        owner: text(spec.and_then(|s| s.get("owner"))),
        description: text(spec.and_then(|s| s.get("description"))),
        labels: Labels::decode(wire.get("metadata").and_then(|m| m.get("labels"))),
        console_link: None,
    })
}

/// A resource pattern an instance owns.
#[derive(Debug, PartialEq, Clone)]
pub struct OwnedResource {
    /// `TOPIC`, `CONSUMER_GROUP`, `SUBJECT` or `CONNECTOR`.
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

    fn decode(wire: &Json) -> Option<OwnedResource> {
        Some(OwnedResource {
            kind: text(wire.get("type"))?,
            name: text(wire.get("name"))?,
            pattern_type: text(wire.get("patternType")).unwrap_or_else(|| "LITERAL".into()),
            connect_cluster: text(wire.get("connectCluster")),
            ownership_mode: text(wire.get("ownershipMode")).unwrap_or_else(|| "ALL".into()),
        })
    }
}

#[derive(Debug, PartialEq, Clone)]
pub struct ApplicationInstance {
    pub name: String,
    pub application: Option<String>,
    pub cluster: Option<String>,
    pub service_account: Option<String>,
    pub resources: Vec<OwnedResource>,
    pub labels: Labels,
}

pub fn decode_instances(body: &str) -> Result<Vec<ApplicationInstance>, CoreError> {
    decode_list(body, "the application instances", &|wire| {
        let metadata = wire.get("metadata");
        let spec = wire.get("spec");
        Ok(ApplicationInstance {
            name: required_string(wire, "metadata", "name")?,
            application: text(metadata.and_then(|m| m.get("application"))),
            cluster: text(spec.and_then(|s| s.get("cluster"))),
            service_account: text(spec.and_then(|s| s.get("serviceAccount"))),
            resources: spec
                .and_then(|s| s.get("resources"))
                .and_then(Json::as_array)
                .unwrap_or_default()
                .iter()
                .filter_map(OwnedResource::decode)
                .collect(),
            labels: Labels::decode(metadata.and_then(|m| m.get("labels"))),
        })
    })
}

impl ToJson for Application {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[
                ("name", &self.name),
                ("title", &self.title),
                ("owner", &self.owner),
                ("description", &self.description),
                ("labels", &self.labels),
                ("consoleLink", &self.console_link),
            ],
        );
    }
}

impl ToJson for OwnedResource {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[
                ("type", &self.kind),
                ("name", &self.name),
                ("patternType", &self.pattern_type),
                ("connectCluster", &self.connect_cluster),
                ("ownershipMode", &self.ownership_mode),
            ],
        );
    }
}

impl ToJson for ApplicationInstance {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[
                ("name", &self.name),
                ("application", &self.application),
                ("cluster", &self.cluster),
                ("serviceAccount", &self.service_account),
                ("resources", &self.resources),
                ("labels", &self.labels),
            ],
        );
    }
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
