//! Parses an entity's annotations into what the card should show. Pure and
//! table-tested; a malformed value is an `invalid-input` error naming the
//! annotation and the bad entry, so the adopter knows which line of
//! `catalog-info.yaml` to fix.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use crate::endpoint;
use crate::error::{self, CoreError};
use crate::wire::lenient::Scalar;

pub const APPLICATION: &str = "conduktor.io/application";
pub const TOPICS: &str = "conduktor.io/topics";
pub const CONSUMER_GROUPS: &str = "conduktor.io/consumer-groups";
/// The community Kafka plugin's annotation, same syntax, accepted so adopters can
/// switch without editing their entities.
pub const KAFKA_CONSUMER_GROUPS: &str = "kafka.apache.org/consumer-groups";
pub const CLUSTERS: &str = "conduktor.io/clusters";

/// More entries than this in one annotation is a generated value gone wrong; the
/// card would fan out into hundreds of requests.
pub const MAX_ENTRIES: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TopicRef {
    Literal { cluster: String, name: String },
    Prefix { cluster: String, prefix: String },
}

impl TopicRef {
    pub fn cluster(&self) -> &str {
        match self {
            TopicRef::Literal { cluster, .. } | TopicRef::Prefix { cluster, .. } => cluster,
        }
    }

    /// In the annotation's own words, without the cluster: `topic orders`, `topics click.*`.
    pub fn describe(&self) -> String {
        match self {
            TopicRef::Literal { name, .. } => format!("topic {name}"),
            TopicRef::Prefix { prefix, .. } => format!("topics {prefix}*"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct GroupRef {
    pub cluster: String,
    pub name: String,
}

/// What an entity's annotations ask for, deduplicated, in annotation order.
#[derive(Debug, Default, PartialEq)]
pub struct EntityRefs {
    pub applications: Vec<String>,
    pub topics: Vec<TopicRef>,
    pub consumer_groups: Vec<GroupRef>,
    pub clusters: Vec<String>,
}

impl EntityRefs {
    /// No Conduktor annotation at all: the card lists the user's clusters.
    pub fn is_empty(&self) -> bool {
        self.applications.is_empty()
            && self.topics.is_empty()
            && self.consumer_groups.is_empty()
            && self.clusters.is_empty()
    }
}

/// An entity's `metadata.annotations` as JavaScript passes them: string values kept,
/// anything else ignored (annotations are strings in Backstage's model).
#[derive(Debug, Default, PartialEq)]
pub struct AnnotationMap(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for AnnotationMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = AnnotationMap;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of annotations")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some((key, value)) = map.next_entry::<Cow<'de, str>, Scalar<'de>>()? {
                    if let Scalar::Text(value) = value {
                        pairs.push((key.into_owned(), value.into_owned()));
                    }
                }
                Ok(AnnotationMap(pairs))
            }
        }
        deserializer.deserialize_map(MapVisitor)
    }
}

/// Parses `metadata.annotations` given as key/value pairs (a JavaScript object's entries).
pub fn parse(annotations: &[(String, String)]) -> Result<EntityRefs, CoreError> {
    let annotations = Annotations(annotations);
    let mut refs = EntityRefs::default();
    if let Some(value) = annotations.get(APPLICATION) {
        for entry in entries(APPLICATION, value)? {
            push_unique(&mut refs.applications, console_name(APPLICATION, entry, entry, "application")?);
        }
    }
    if let Some(value) = annotations.get(CLUSTERS) {
        for entry in entries(CLUSTERS, value)? {
            push_unique(&mut refs.clusters, console_name(CLUSTERS, entry, entry, "cluster")?);
        }
    }
    if let Some(value) = annotations.get(TOPICS) {
        for entry in entries(TOPICS, value)? {
            push_unique(&mut refs.topics, topic(entry)?);
        }
    }
    for key in [CONSUMER_GROUPS, KAFKA_CONSUMER_GROUPS] {
        if let Some(value) = annotations.get(key) {
            for entry in entries(key, value)? {
                push_unique(&mut refs.consumer_groups, group(key, entry)?);
            }
        }
    }
    Ok(refs)
}

struct Annotations<'a>(&'a [(String, String)]);

impl Annotations<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Comma-separated entries, trimmed; empty entries (a trailing comma) are skipped.
fn entries<'a>(key: &str, value: &'a str) -> Result<Vec<&'a str>, CoreError> {
    let list: Vec<&str> = value.split(',').map(str::trim).filter(|e| !e.is_empty()).collect();
    if list.len() > MAX_ENTRIES {
        return Err(CoreError::invalid_input(format!(
            "annotation {key} has {} entries, more than the {MAX_ENTRIES} the card shows: name fewer resources, or use a prefix (<cluster>/<prefix>*)",
            list.len()
        )));
    }
    Ok(list)
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Console's name rule for clusters and applications: `^[0-9a-z_\-.]+$`.
fn console_name(key: &str, entry: &str, name: &str, what: &str) -> Result<String, CoreError> {
    if endpoint::is_console_name(name) {
        Ok(name.to_string())
    } else {
        Err(bad_entry(
            key,
            entry,
            &format!(
                "\"{}\" is not a Conduktor {what} name (lower-case letters, digits, '.', '_' and '-')",
                error::shorten(name, 60)
            ),
        ))
    }
}

/// `<cluster>/<rest>`, split at the first '/'.
fn split_cluster<'a>(key: &str, entry: &'a str, shape: &str) -> Result<(String, &'a str), CoreError> {
    let Some((cluster, rest)) = entry.split_once('/') else {
        return Err(bad_entry(key, entry, &format!("expected {shape}")));
    };
    let cluster = console_name(key, entry, cluster.trim(), "cluster")?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Err(bad_entry(key, entry, &format!("expected {shape}")));
    }
    Ok((cluster, rest))
}

fn topic(entry: &str) -> Result<TopicRef, CoreError> {
    let (cluster, rest) = split_cluster(TOPICS, entry, "<cluster>/<topic> or <cluster>/<prefix>*")?;
    let (name, is_prefix) = match rest.strip_suffix('*') {
        Some(prefix) => (prefix, true),
        None => (rest, false),
    };
    if is_prefix && name.is_empty() {
        return Err(bad_entry(
            TOPICS,
            entry,
            "a prefix must not be empty: '*' alone would list every topic of the cluster",
        ));
    }
    // Kafka's topic name rule: letters, digits, '.', '_' and '-', at most 249.
    let valid = name.len() <= 249 && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if !valid {
        return Err(bad_entry(
            TOPICS,
            entry,
            &format!(
                "\"{}\" is not a Kafka topic name or prefix (letters, digits, '.', '_', '-'; '*' only at the end)",
                error::shorten(name, 60)
            ),
        ));
    }
    let name = name.to_string();
    Ok(if is_prefix { TopicRef::Prefix { cluster, prefix: name } } else { TopicRef::Literal { cluster, name } })
}

fn group(key: &str, entry: &str) -> Result<GroupRef, CoreError> {
    let (cluster, name) = split_cluster(key, entry, "<cluster>/<consumer group>")?;
    if name.len() > 1024 || name.chars().any(char::is_control) {
        return Err(bad_entry(key, entry, "the consumer group name is too long or contains control characters"));
    }
    Ok(GroupRef { cluster, name: name.to_string() })
}

fn bad_entry(key: &str, entry: &str, why: &str) -> CoreError {
    CoreError::invalid_input(format!("annotation {key} has a malformed entry \"{}\": {why}", error::shorten(entry, 60)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn parse_pairs(pairs: &[(&str, &str)]) -> Result<EntityRefs, CoreError> {
        parse(&pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>())
    }

    fn literal(cluster: &str, name: &str) -> TopicRef {
        TopicRef::Literal { cluster: cluster.into(), name: name.into() }
    }

    #[test]
    fn parses_every_annotation() {
        let refs = parse_pairs(&[
            (APPLICATION, " payments , clickstream-app,"),
            (TOPICS, "prod-eu/orders, prod-eu/click.*, staging/orders"),
            (CONSUMER_GROUPS, "prod-eu/orders-consumer"),
            (KAFKA_CONSUMER_GROUPS, "prod-eu/legacy/with/slashes, prod-eu/orders-consumer"),
            (CLUSTERS, "prod-eu,dev"),
            ("backstage.io/techdocs-ref", "dir:."),
        ])
        .unwrap();
        assert_eq!(refs.applications, vec!["payments", "clickstream-app"]);
        assert_eq!(
            refs.topics,
            vec![
                literal("prod-eu", "orders"),
                TopicRef::Prefix { cluster: "prod-eu".into(), prefix: "click.".into() },
                literal("staging", "orders"),
            ]
        );
        assert_eq!(refs.consumer_groups.len(), 2, "duplicates across annotations are merged");
        assert_eq!(refs.consumer_groups[1].name, "legacy/with/slashes");
        assert_eq!(refs.clusters, vec!["prod-eu", "dev"]);
    }

    #[test]
    fn no_annotation_is_empty() {
        assert!(parse_pairs(&[]).unwrap().is_empty());
        assert!(parse_pairs(&[(TOPICS, " , ,")]).unwrap().is_empty());
    }

    #[test]
    fn malformed_entries_name_the_annotation_and_entry() {
        let cases = [
            (TOPICS, "orders", "orders"),
            (TOPICS, "prod-eu/", "prod-eu/"),
            (TOPICS, "/orders", "/orders"),
            (TOPICS, "prod-eu/*", "'*' alone"),
            (TOPICS, "*", "*"),
            (TOPICS, "prod-eu/or*ders", "or*ders"),
            (TOPICS, "prod-eu/a/b", "a/b"),
            (TOPICS, "Prod/orders", "Prod"),
            (CONSUMER_GROUPS, "just-a-group", "just-a-group"),
            (KAFKA_CONSUMER_GROUPS, "prod-eu/a\u{7}b", "control"),
            (APPLICATION, "Payments App", "Payments App"),
            (CLUSTERS, "prod eu", "prod eu"),
        ];
        for (key, value, needle) in cases {
            let error = parse_pairs(&[(key, value)]).expect_err(value);
            assert_eq!(error.kind, ErrorKind::InvalidInput);
            assert!(error.message.contains(key), "{}", error.message);
            assert!(error.message.contains(needle), "{needle:?} not in {}", error.message);
        }
    }

    #[test]
    fn too_many_entries_and_long_values() {
        let many = (0..=MAX_ENTRIES).map(|i| format!("c/t{i}")).collect::<Vec<_>>().join(",");
        assert_eq!(parse_pairs(&[(TOPICS, &many)]).unwrap_err().kind, ErrorKind::InvalidInput);
        let long = format!("c/{}", "x".repeat(10_000));
        let error = parse_pairs(&[(TOPICS, &long)]).unwrap_err();
        assert!(error.message.len() < 400, "messages stay short");
        let unicode = "c/ü".repeat(3);
        assert!(parse_pairs(&[(TOPICS, &unicode)]).is_err());
    }
}
