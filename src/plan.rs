//! From what an entity's annotations name to the requests that answer it: a pure
//! function of the annotations (and, for applications, of their instances), each
//! distinct question asked once.

use crate::annotations::{EntityRefs, GroupRef, TopicRef};
use crate::view::{ApplicationInstance, APPLICATION_LABEL};

/// What a v1 topic search filters on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopicQuery {
    /// One topic by exact name: a name search limited to its first page (metrics come
    /// along), asked beside a GET by name (`Fetch::Topic`) for when that page does not
    /// hold it, so a literal never costs a second round.
    Named(String),
    NameContains(String),
    Label {
        key: String,
        value: String,
    },
}

/// One question to Console; `client` turns it into requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    Clusters,
    Application(String),
    Instances(String),
    Topics {
        cluster: String,
        query: TopicQuery,
    },
    /// `GET .../topic/{name}`: the fallback for a literal topic its search page missed.
    Topic {
        cluster: String,
        name: String,
    },
    Groups {
        cluster: String,
        contains: String,
    },
}

/// Adds `fetch` unless the plan already has it.
fn push_new(plan: &mut Vec<Fetch>, fetch: Fetch) {
    if !plan.contains(&fetch) {
        plan.push(fetch);
    }
}

/// The requests that answer what the annotations name, all sent at once (the first
/// round). Applications need a second round, planned from their instances by `owned`.
pub fn plan(refs: &EntityRefs) -> Vec<Fetch> {
    let mut fetches = vec![Fetch::Clusters];
    for topic in &refs.topics {
        match topic {
            TopicRef::Literal { cluster, name } => {
                let query = TopicQuery::Named(name.clone());
                push_new(&mut fetches, Fetch::Topics { cluster: cluster.clone(), query });
                push_new(&mut fetches, Fetch::Topic { cluster: cluster.clone(), name: name.clone() });
            }
            TopicRef::Prefix { cluster, prefix } => {
                let query = TopicQuery::NameContains(prefix.clone());
                push_new(&mut fetches, Fetch::Topics { cluster: cluster.clone(), query });
            }
        }
    }
    for GroupRef { cluster, name } in &refs.consumer_groups {
        push_new(&mut fetches, Fetch::Groups { cluster: cluster.clone(), contains: name.clone() });
    }
    for application in &refs.applications {
        push_new(&mut fetches, Fetch::Application(application.clone()));
        push_new(&mut fetches, Fetch::Instances(application.clone()));
    }
    fetches
}

/// The topic search for Console's ownership label of `application`.
pub fn owned_by_label(cluster: &str, application: &str) -> Fetch {
    Fetch::Topics {
        cluster: cluster.into(),
        query: TopicQuery::Label { key: APPLICATION_LABEL.into(), value: application.into() },
    }
}

/// The searches for what application instances own: topics carrying Console's
/// ownership label, and topics and consumer groups matching `spec.resources`.
pub fn owned(application: &str, instances: &[ApplicationInstance]) -> Vec<Fetch> {
    let mut fetches = Vec::new();
    for instance in instances {
        let Some(cluster) = &instance.cluster else { continue };
        push_new(&mut fetches, owned_by_label(cluster, application));
        for resource in &instance.resources {
            match resource.kind.as_str() {
                "TOPIC" => push_new(
                    &mut fetches,
                    Fetch::Topics { cluster: cluster.clone(), query: TopicQuery::NameContains(resource.name.clone()) },
                ),
                "CONSUMER_GROUP" => {
                    push_new(&mut fetches, Fetch::Groups { cluster: cluster.clone(), contains: resource.name.clone() })
                }
                _ => {}
            }
        }
    }
    fetches
}
