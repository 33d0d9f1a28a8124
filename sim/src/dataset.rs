//! `--data FILE`: a dataset in YAML, in the shape of the built-in demo dataset —
//! Console's own resources (KafkaCluster, Topic, Subject, Application,
//! ApplicationInstance, ApplicationGroup and Group, as Console's API returns
//! them), plus what only the v1 searches expose (topic `metrics` and `tags`,
//! consumer groups) and whether Console has indexed a topic or group yet
//! (`indexed: false`: the search lists it by name only). `sim/README.md` documents the format; `sim/examples/dataset.yaml`
//! is an example and `sim/examples/demo.yaml` the demo dataset itself.

use std::path::Path;

use regex::Regex;
use serde::Deserialize;
use serde_json::Value;

use crate::data::{ConsumerGroup, GroupIndex, GroupState, Seed, Tag, Topic, TopicIndex, TopicMetrics};
use crate::rbac::{demo_groups, ConsoleGroup, Pattern, Permission, Resource};
use crate::scale::Scale;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Dataset {
    #[serde(default)]
    clusters: Vec<Value>,
    #[serde(default)]
    topics: Vec<Value>,
    #[serde(default)]
    consumer_groups: Vec<ConsumerGroupEntry>,
    #[serde(default)]
    subjects: Vec<Value>,
    #[serde(default)]
    applications: Vec<Value>,
    #[serde(default)]
    application_instances: Vec<Value>,
    #[serde(default)]
    application_groups: Vec<Value>,
    /// Console groups (kind `Group`): external group mapping and permissions.
    #[serde(default)]
    groups: Vec<GroupResource>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MetricsEntry {
    #[serde(default)]
    record_count: i64,
    #[serde(default)]
    size_bytes: i64,
    #[serde(default)]
    produce_rate: i32,
    #[serde(default)]
    last_activity_at: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ConsumerGroupEntry {
    cluster: String,
    name: String,
    /// Required unless `indexed` is false.
    state: Option<GroupState>,
    #[serde(default = "indexed")]
    indexed: bool,
    #[serde(default)]
    members: i32,
    overall_lag: Option<i64>,
    max_lag_time_in_seconds: Option<i64>,
    #[serde(default)]
    topics: Vec<String>,
}

fn indexed() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GroupResource {
    metadata: NameOnly,
    spec: GroupSpec,
}

#[derive(Deserialize)]
struct NameOnly {
    name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GroupSpec {
    #[serde(default)]
    external_groups: Vec<String>,
    #[serde(default)]
    external_group_regex: Vec<String>,
    /// Simulator extension: members see everything, like Console's admin group.
    #[serde(default)]
    admin: bool,
    #[serde(default)]
    permissions: Vec<PermissionEntry>,
}

/// Console's permission object (discriminator `resourceType`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PermissionEntry {
    resource_type: String,
    cluster: Option<String>,
    name: Option<String>,
    pattern_type: Option<String>,
}

/// The dataset to serve: the demo one, or `--data`'s; then `--scale`'s additions.
pub fn load(path: Option<&Path>, scale: Option<Scale>) -> Result<(Seed, Vec<ConsoleGroup>), BoxError> {
    let (mut seed, groups) = match path {
        None => (Seed::default(), demo_groups()),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("--data {}: {e}", path.display()))?;
            parse(&text).map_err(|e| format!("--data {}: {e}", path.display()))?
        }
    };
    if let Some(scale) = scale {
        scale.extend(&mut seed);
    }
    Ok((seed, groups))
}

pub fn parse(yaml: &str) -> Result<(Seed, Vec<ConsoleGroup>), BoxError> {
    let dataset: Dataset = serde_norway::from_str(yaml)?;
    for (kind, items) in [
        ("clusters", &dataset.clusters),
        ("topics", &dataset.topics),
        ("subjects", &dataset.subjects),
        ("applications", &dataset.applications),
        ("applicationInstances", &dataset.application_instances),
        ("applicationGroups", &dataset.application_groups),
    ] {
        if let Some(index) = items.iter().position(|item| !item["metadata"]["name"].is_string()) {
            return Err(format!("{kind}[{index}] has no metadata.name").into());
        }
    }
    let cluster_exists = |name: &Value| dataset.clusters.iter().any(|c| &c["metadata"]["name"] == name);
    for (kind, items) in [("topics", &dataset.topics), ("subjects", &dataset.subjects)] {
        if let Some(index) = items.iter().position(|item| !cluster_exists(&item["metadata"]["cluster"])) {
            return Err(format!("{kind}[{index}]: metadata.cluster names no cluster of the dataset").into());
        }
    }
    let topics = (dataset.topics.into_iter().enumerate())
        .map(|(index, item)| topic(item).map_err(|e| format!("topics[{index}]: {e}")))
        .collect::<Result<_, _>>()?;
    let consumer_groups = (dataset.consumer_groups.into_iter().enumerate())
        .map(|(index, entry)| consumer_group(entry).map_err(|e| format!("consumerGroups[{index}]: {e}")))
        .collect::<Result<_, _>>()?;
    let groups = dataset.groups.into_iter().map(console_group).collect::<Result<_, BoxError>>()?;
    let seed = Seed {
        clusters: dataset.clusters,
        topics,
        consumer_groups,
        applications: dataset.applications,
        instances: dataset.application_instances,
        subjects: dataset.subjects,
        application_groups: dataset.application_groups,
    };
    Ok((seed, groups))
}

/// A Topic resource; its simulator-only keys `metrics`, `tags` and `indexed`
/// become what the v1 search shows. The v2 spec requires `partitions` and
/// `replicationFactor`, and so does the search's `IndexedTopic`.
fn topic(mut resource: Value) -> Result<Topic, String> {
    let mut take = |key: &str| resource.as_object_mut().and_then(|o| o.remove(key));
    let (metrics, tags, indexed) = (take("metrics"), take("tags"), take("indexed"));
    for key in ["partitions", "replicationFactor"] {
        if !resource["spec"][key].is_i64() {
            return Err(format!("spec.{key} must be an integer"));
        }
    }
    let indexed = match indexed {
        None => true,
        Some(value) => value.as_bool().ok_or("indexed must be true or false")?,
    };
    if !indexed {
        return Ok(Topic { resource, index: None });
    }
    let metrics: MetricsEntry = match metrics {
        Some(metrics) => serde_json::from_value(metrics).map_err(|e| format!("metrics: {e}"))?,
        None => MetricsEntry::default(),
    };
    if let Some(at) = metrics.last_activity_at.as_deref().filter(|at| !is_date_time(at)) {
        return Err(format!("metrics.lastActivityAt {at:?} is not an RFC 3339 date-time"));
    }
    let tags: Vec<Tag> = match tags {
        Some(tags) => serde_json::from_value(tags).map_err(|e| format!("tags: {e}"))?,
        None => vec![],
    };
    if let Some(tag) = tags.iter().find(|t| !is_uuid(&t.id)) {
        return Err(format!("tag {:?}: id {:?} is not a UUID", tag.name, tag.id));
    }
    let metrics = TopicMetrics {
        record_count: metrics.record_count,
        size_bytes: metrics.size_bytes,
        produce_rate: metrics.produce_rate,
        last_activity_at: metrics.last_activity_at,
    };
    Ok(Topic { resource, index: Some(TopicIndex { metrics, tags }) })
}

fn consumer_group(entry: ConsumerGroupEntry) -> Result<ConsumerGroup, String> {
    let index = match (entry.indexed, entry.state) {
        (false, _) => None,
        (true, None) => return Err(format!("{}: state is required unless indexed is false", entry.name)),
        (true, Some(state)) => Some(GroupIndex {
            state,
            members: entry.members,
            overall_lag: entry.overall_lag,
            max_lag_seconds: entry.max_lag_time_in_seconds,
            topics: entry.topics,
        }),
    };
    Ok(ConsumerGroup { cluster: entry.cluster, name: entry.name, index })
}

/// `2026-11-29T10:00:00Z`, with optional fractions and an offset instead of `Z`.
fn is_date_time(text: &str) -> bool {
    static DATE_TIME: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$";
    DATE_TIME.get_or_init(|| Regex::new(pattern).expect("a valid regex")).is_match(text)
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

fn console_group(group: GroupResource) -> Result<ConsoleGroup, BoxError> {
    let name = group.metadata.name;
    let external_group_regex = group
        .spec
        .external_group_regex
        .iter()
        .map(|r| Regex::new(r).map_err(|e| format!("group {name}: externalGroupRegex {r:?}: {e}")))
        .collect::<Result<_, _>>()?;
    let permissions = group.spec.permissions.iter().filter_map(permission).collect::<Result<_, _>>()?;
    Ok(ConsoleGroup {
        external_groups: group.spec.external_groups,
        external_group_regex,
        admin: group.spec.admin,
        permissions,
        name,
    })
}

/// CLUSTER, TOPIC, CONSUMER_GROUP and SUBJECT permissions shape what the
/// simulator serves; other resource types (PLATFORM, KAFKA_CONNECT, KSQLDB) are skipped.
fn permission(entry: &PermissionEntry) -> Option<Result<Permission, String>> {
    let resource = match entry.resource_type.as_str() {
        "CLUSTER" => Resource::Cluster,
        "TOPIC" => Resource::Topic,
        "CONSUMER_GROUP" => Resource::ConsumerGroup,
        "SUBJECT" => Resource::Subject,
        _ => return None,
    };
    let name = entry.name.clone().unwrap_or_else(|| "*".into());
    if resource == Resource::Cluster {
        // A CLUSTER permission's `name` is the cluster id (or `*`).
        return Some(Ok(Permission { resource, cluster: name, name: Pattern::Literal("*".into()) }));
    }
    let Some(cluster) = entry.cluster.clone() else {
        return Some(Err(format!("a {} permission needs a cluster", entry.resource_type)));
    };
    let name = match entry.pattern_type.as_deref().unwrap_or("LITERAL") {
        "LITERAL" => Pattern::Literal(name),
        "PREFIXED" => Pattern::Prefixed(name),
        other => return Some(Err(format!("patternType {other:?} (LITERAL or PREFIXED)"))),
    };
    Some(Ok(Permission { resource, cluster, name }))
}

/// The dataset as YAML-ready JSON, in the `--data` format (tests compare the
/// demo dataset with `examples/demo.yaml` through it).
#[cfg(test)]
pub fn to_document(seed: &Seed, groups: &[ConsoleGroup]) -> Value {
    use serde_json::json;
    let topics: Vec<Value> = seed
        .topics
        .iter()
        .map(|t| {
            let mut resource = t.resource.clone();
            let Some(index) = &t.index else {
                resource["indexed"] = json!(false);
                return resource;
            };
            let metrics = &index.metrics;
            resource["metrics"] = json!({
                "recordCount": metrics.record_count, "sizeBytes": metrics.size_bytes,
                "produceRate": metrics.produce_rate
            });
            if let Some(at) = &metrics.last_activity_at {
                resource["metrics"]["lastActivityAt"] = json!(at);
            }
            if !index.tags.is_empty() {
                resource["tags"] = json!(index.tags);
            }
            resource
        })
        .collect();
    let consumer_groups: Vec<Value> = seed
        .consumer_groups
        .iter()
        .map(|g| {
            let Some(index) = &g.index else {
                return json!({ "cluster": g.cluster, "name": g.name, "indexed": false });
            };
            let mut group = json!({ "cluster": g.cluster, "name": g.name, "state": index.state.as_str(),
                "members": index.members, "topics": index.topics });
            if let Some(lag) = index.overall_lag {
                group["overallLag"] = json!(lag);
            }
            if let Some(seconds) = index.max_lag_seconds {
                group["maxLagTimeInSeconds"] = json!(seconds);
            }
            group
        })
        .collect();
    let groups: Vec<Value> = groups.iter().map(group_document).collect();
    json!({
        "clusters": seed.clusters, "topics": topics, "consumerGroups": consumer_groups,
        "subjects": seed.subjects, "applications": seed.applications,
        "applicationInstances": seed.instances, "applicationGroups": seed.application_groups,
        "groups": groups,
    })
}

#[cfg(test)]
fn group_document(group: &ConsoleGroup) -> Value {
    use serde_json::json;
    let permissions: Vec<Value> = group
        .permissions
        .iter()
        .map(|p| {
            let (pattern, name) = match &p.name {
                Pattern::Literal(name) => ("LITERAL", name),
                Pattern::Prefixed(name) => ("PREFIXED", name),
            };
            match p.resource {
                Resource::Cluster => json!({ "resourceType": "CLUSTER", "name": p.cluster, "permissions": ["clusterViewBroker"] }),
                Resource::Topic => json!({ "resourceType": "TOPIC", "cluster": p.cluster, "name": name, "patternType": pattern, "permissions": ["topicViewConfig"] }),
                Resource::ConsumerGroup => json!({ "resourceType": "CONSUMER_GROUP", "cluster": p.cluster, "name": name, "patternType": pattern, "permissions": ["consumerGroupView"] }),
                Resource::Subject => json!({ "resourceType": "SUBJECT", "cluster": p.cluster, "name": name, "patternType": pattern, "permissions": ["subjectView"] }),
            }
        })
        .collect();
    let mut spec =
        json!({ "displayName": group.name, "externalGroups": group.external_groups, "permissions": permissions });
    if !group.external_group_regex.is_empty() {
        spec["externalGroupRegex"] = json!(group.external_group_regex.iter().map(Regex::as_str).collect::<Vec<_>>());
    }
    if group.admin {
        spec["admin"] = json!(true);
    }
    json!({ "apiVersion": "v2", "kind": "Group", "metadata": { "name": group.name }, "spec": spec })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rbac::Access;

    const DEMO: &str = include_str!("../examples/demo.yaml");

    /// `examples/demo.yaml` is the built-in demo dataset, exactly. After changing
    /// `data.rs` or `rbac.rs`, regenerate it with
    /// `SIM_WRITE_DEMO_YAML=1 cargo test -p conduktor-sim demo_yaml`.
    #[test]
    fn demo_yaml_is_the_built_in_dataset() {
        let expected = to_document(&Seed::default(), &demo_groups());
        if std::env::var_os("SIM_WRITE_DEMO_YAML").is_some() {
            let header = "# The built-in demo dataset in the --data format (generated from sim/src/data.rs and\n\
                          # sim/src/rbac.rs by `SIM_WRITE_DEMO_YAML=1 cargo test -p conduktor-sim demo_yaml`;\n\
                          # a test keeps the two identical). See sim/README.md for the format.\n";
            let yaml = serde_norway::to_string(&expected).expect("YAML");
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/demo.yaml");
            std::fs::write(path, format!("{header}{yaml}")).expect("written");
            return;
        }
        let (seed, groups) = parse(DEMO).expect("the demo YAML loads");
        assert_eq!(to_document(&seed, &groups), expected, "examples/demo.yaml is stale");
    }

    const EXAMPLE: &str = include_str!("../examples/dataset.yaml");

    #[test]
    fn loads_the_example_dataset() {
        let (seed, groups) = parse(EXAMPLE).unwrap();
        assert_eq!(seed.clusters.len(), 2);
        assert!(
            seed.topics.iter().any(|t| t.index.as_ref().is_some_and(|i| i.metrics.record_count > 0)),
            "metrics are read"
        );
        assert!(seed.topics.iter().all(|t| t.resource.get("metrics").is_none()), "and removed from the resource");
        let orders = Access::for_claims(&groups, &["orders-team".into()]);
        assert!(orders.sees(Resource::Topic, "main", "orders.created"));
        assert!(!orders.sees(Resource::Topic, "main", "billing.invoices"));
        let regex = Access::for_claims(&groups, &["billing-readers".into()]);
        assert!(regex.sees(Resource::Topic, "main", "billing.invoices"));
        assert!(Access::for_claims(&groups, &["platform-admins".into()]).admin);
    }

    #[test]
    fn refuses_inconsistent_datasets() {
        let error = |yaml: &str| parse(yaml).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error("clusters: [{metadata: {}}]").contains("clusters[0] has no metadata.name"));
        assert!(error("topics: [{metadata: {name: t, cluster: nope}}]").contains("names no cluster"));
        assert!(error("clusterz: []").contains("unknown field"));
        let bad_regex = "groups: [{metadata: {name: g}, spec: {externalGroupRegex: ['(']}}]";
        assert!(error(bad_regex).contains("externalGroupRegex"));
        let no_cluster = "groups: [{metadata: {name: g}, spec: {permissions: [{resourceType: TOPIC, name: x}]}}]";
        assert!(error(no_cluster).contains("needs a cluster"));
        let cluster = "clusters: [{metadata: {name: c}}]\n";
        let topic = |rest: &str| format!("{cluster}topics: [{{metadata: {{name: t, cluster: c}}, {rest}}}]");
        assert!(error(&topic("spec: {partitions: 1}")).contains("topics[0]: spec.replicationFactor must be an integer"));
        let spec = "spec: {partitions: 1, replicationFactor: 1}";
        let late = topic(&format!("{spec}, metrics: {{lastActivityAt: yesterday}}"));
        assert!(error(&late).contains("not an RFC 3339 date-time"));
        let tag = topic(&format!("{spec}, tags: [{{id: '1', name: x, color: red}}]"));
        assert!(error(&tag).contains("is not a UUID"));
        let state = format!("{cluster}consumerGroups: [{{cluster: c, name: g, state: Rebalancing}}]");
        assert!(error(&state).contains("unknown variant `Rebalancing`"));
        let stateless = format!("{cluster}consumerGroups: [{{cluster: c, name: g}}]");
        assert!(error(&stateless).contains("consumerGroups[0]: g: state is required unless indexed is false"));
        let not_indexed = format!("{cluster}consumerGroups: [{{cluster: c, name: g, indexed: false}}]\ntopics: [{{metadata: {{name: t, cluster: c}}, {spec}, indexed: false}}]");
        let (seed, _) = parse(&not_indexed).expect("name-only items load");
        assert!(seed.consumer_groups[0].index.is_none() && seed.topics[0].index.is_none());
    }
}
