//! Console's v1 search endpoints, the only public source of topic metrics and
//! consumer-group lag: `POST /public/v1/clusters/{cluster}/topics` and
//! `.../consumergroups`, with `{page, itemsPerPage, sort, descSort?, filter?}`
//! bodies and `{data, page, totalPages, perPage, totalElements}` pages (1-based).
//!
//! Bodies are read into the spec's types (`TopicListRequest`,
//! `ConsumerGroupRequest`): a sort or filter outside its enum, a filter without
//! its required field or a `null` where the spec has none is Console's 400.
//! Items are `IndexedTopic` / `IndexedConsumerGroup`, or, for what Console has not
//! indexed yet, `NotIndexedTopic` / `NotIndexedConsumerGroup` with a name only.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::data::{ConsumerGroup, GroupIndex, GroupState, Topic};

/// Paging and order, shared by both searches; `S` and `F` are the search's sort
/// and filter types.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchRequest<S, F> {
    pub page: i32,
    pub items_per_page: i32,
    pub sort: S,
    #[serde(default)]
    pub desc_sort: bool,
    #[serde(default = "Vec::new")]
    pub filter: Vec<F>,
}

pub type TopicSearch = SearchRequest<TopicSort, TopicFilter>;
pub type GroupSearch = SearchRequest<GroupSort, GroupFilter>;

/// `TopicListSort`, named as Console names them.
#[derive(Deserialize, Clone, Copy, PartialEq, Debug)]
#[allow(clippy::enum_variant_names)]
pub enum TopicSort {
    ByName,
    ByReplicationFactor,
    ByNumPartition,
    ByMessageCount,
    ByTopicSizeByte,
    ByCleanupPolicy,
    ByRetentionTimes,
    ByMinIsr,
    ByLastActivityAt,
    ByProduceRate,
}

/// `TopicListFilter` (discriminator `type`). Unknown fields are allowed, as the
/// spec's open objects allow them.
#[derive(Deserialize, Debug)]
#[serde(tag = "type")]
pub enum TopicFilter {
    TopicNameFilter {
        contains: String,
    },
    HideInternal {},
    /// Not modelled: matches every topic.
    HideStream {},
    LabelsFilter {
        key: String,
        #[serde(default)]
        values: Option<Vec<String>>,
    },
    CleanupPolicyFilter {
        #[serde(rename = "oneOf", default)]
        one_of: Vec<CleanupPolicy>,
    },
    /// Topics with every tag named (by name or id).
    TagsFilter {
        #[serde(rename = "atLeast", default)]
        at_least: Vec<String>,
    },
}

/// `CleanupPolicy`.
#[derive(Deserialize, Clone, Copy, PartialEq, Debug)]
pub enum CleanupPolicy {
    #[serde(rename = "delete")]
    Delete,
    #[serde(rename = "compact")]
    Compact,
    #[serde(rename = "compact,delete")]
    CompactDelete,
}

impl CleanupPolicy {
    /// A topic's `cleanup.policy` config as the spec's enum; Kafka accepts both
    /// orders and spaces. `None` for anything else.
    pub fn of_config(value: &str) -> Option<CleanupPolicy> {
        let mut parts: Vec<&str> = value.split(',').map(str::trim).collect();
        parts.sort_unstable();
        match parts.as_slice() {
            ["delete"] => Some(CleanupPolicy::Delete),
            ["compact"] => Some(CleanupPolicy::Compact),
            ["compact", "delete"] => Some(CleanupPolicy::CompactDelete),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            CleanupPolicy::Delete => "delete",
            CleanupPolicy::Compact => "compact",
            CleanupPolicy::CompactDelete => "compact,delete",
        }
    }
}

/// `ConsumerGroupSort`, named as Console names them.
#[derive(Deserialize, Clone, Copy, PartialEq, Debug)]
#[allow(clippy::enum_variant_names)]
pub enum GroupSort {
    ByName,
    ByState,
    ByOverallLag,
    ByMaxLagTimeInSeconds,
    ByMembers,
}

/// `ConsumerGroupFilter` (discriminator `type`).
#[derive(Deserialize, Debug)]
#[serde(tag = "type")]
pub enum GroupFilter {
    OnConsumerGroupName {
        contains: String,
    },
    OnState {
        #[serde(rename = "oneOf", default)]
        one_of: Vec<GroupState>,
    },
}

pub const MAX_ITEMS_PER_PAGE: i32 = 1000;

/// Reads a search body: `Err` carries what was wrong, for the 400's `msg`.
pub fn parse<S: DeserializeOwned, F: DeserializeOwned>(body: &[u8]) -> Result<SearchRequest<S, F>, String> {
    let request: SearchRequest<S, F> = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    if request.page < 1 {
        return Err("page starts at 1".into());
    }
    if !(1..=MAX_ITEMS_PER_PAGE).contains(&request.items_per_page) {
        return Err(format!("itemsPerPage must be between 1 and {MAX_ITEMS_PER_PAGE}"));
    }
    Ok(request)
}

impl<S, F> SearchRequest<S, F> {
    fn paginate(&self, items: Vec<Value>) -> Value {
        let total = items.len() as i64;
        let per_page = i64::from(self.items_per_page);
        let total_pages = (total + per_page - 1) / per_page;
        let skip = (i64::from(self.page) - 1).saturating_mul(per_page);
        let data: Vec<Value> =
            items.into_iter().skip(usize::try_from(skip).unwrap_or(usize::MAX)).take(per_page as usize).collect();
        json!({ "data": data, "page": self.page, "totalPages": total_pages, "perPage": per_page, "totalElements": total })
    }
}

/// A sort key: numbers or text. `ByName` has none; otherwise what is not indexed
/// has none and sorts first (last with `descSort`). Equal keys keep name order.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Number(i64),
    Text(String),
}

fn sorted<T>(mut items: Vec<&T>, desc: bool, key: impl Fn(&T) -> Option<Key>, name: impl Fn(&T) -> &str) -> Vec<&T> {
    items.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| name(a).cmp(name(b))));
    if desc {
        items.reverse();
    }
    items
}

fn config<'a>(topic: &'a Topic, key: &str) -> Option<&'a str> {
    topic.resource["spec"]["configs"][key].as_str()
}

fn config_number(topic: &Topic, key: &str, default: i64) -> i64 {
    config(topic, key).and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

fn spec_number(topic: &Topic, key: &str) -> i64 {
    topic.resource["spec"][key].as_i64().unwrap_or(0)
}

fn topic_matches(topic: &Topic, filter: &TopicFilter) -> bool {
    let name = topic.name();
    // Labels, configs and tags come from the index: a topic not indexed yet has none.
    let indexed = topic.index.as_ref();
    match filter {
        TopicFilter::TopicNameFilter { contains } => name.contains(contains.as_str()),
        TopicFilter::HideInternal {} => !name.starts_with('_'),
        TopicFilter::HideStream {} => true,
        TopicFilter::LabelsFilter { key, values } => {
            let value = topic.resource["metadata"]["labels"].get(key).and_then(Value::as_str);
            match (indexed.and(value), values) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(v), Some(values)) => values.iter().any(|x| x == v),
            }
        }
        TopicFilter::CleanupPolicyFilter { one_of } => {
            let policy = CleanupPolicy::of_config(config(topic, "cleanup.policy").unwrap_or("delete"));
            indexed.is_some() && policy.is_some_and(|p| one_of.contains(&p))
        }
        TopicFilter::TagsFilter { at_least } => indexed.is_some_and(|index| {
            at_least.iter().all(|wanted| index.tags.iter().any(|t| &t.name == wanted || &t.id == wanted))
        }),
    }
}

fn topic_key(topic: &Topic, sort: TopicSort) -> Option<Key> {
    if sort == TopicSort::ByName {
        return None;
    }
    let metrics = &topic.index.as_ref()?.metrics;
    Some(match sort {
        TopicSort::ByName => return None,
        TopicSort::ByReplicationFactor => Key::Number(spec_number(topic, "replicationFactor")),
        TopicSort::ByNumPartition => Key::Number(spec_number(topic, "partitions")),
        TopicSort::ByMessageCount => Key::Number(metrics.record_count),
        TopicSort::ByTopicSizeByte => Key::Number(metrics.size_bytes),
        TopicSort::ByProduceRate => Key::Number(i64::from(metrics.produce_rate)),
        TopicSort::ByRetentionTimes => Key::Number(config_number(topic, "retention.ms", -1)),
        TopicSort::ByMinIsr => Key::Number(config_number(topic, "min.insync.replicas", 1)),
        TopicSort::ByCleanupPolicy => Key::Text(config(topic, "cleanup.policy").unwrap_or("").to_string()),
        TopicSort::ByLastActivityAt => Key::Text(metrics.last_activity_at.clone().unwrap_or_default()),
    })
}

/// `IndexedTopic` or `NotIndexedTopic`, with no `null` the spec does not allow:
/// absent labels are `{}`, an unknown cleanup policy or activity time is left out.
fn topic_item(topic: &Topic) -> Value {
    let Some(index) = &topic.index else {
        return json!({ "type": "NotIndexedTopic", "name": topic.name() });
    };
    let labels = topic.resource["metadata"]["labels"].as_object().cloned().unwrap_or_default();
    let mut item = json!({
        "type": "IndexedTopic",
        "name": topic.name(),
        "replicationFactor": spec_number(topic, "replicationFactor"),
        "partitionCount": spec_number(topic, "partitions"),
        "recordCount": index.metrics.record_count,
        "topicSize": index.metrics.size_bytes,
        "retentionInMs": config_number(topic, "retention.ms", -1),
        "retentionInSize": config_number(topic, "retention.bytes", -1),
        "minIsr": config_number(topic, "min.insync.replicas", 1),
        "tags": index.tags,
        "labels": Value::Object(labels),
        "produceRate": index.metrics.produce_rate,
    });
    if let Some(policy) = CleanupPolicy::of_config(config(topic, "cleanup.policy").unwrap_or("delete")) {
        item["cleanupPolicy"] = json!(policy.as_str());
    }
    if let Some(at) = &index.metrics.last_activity_at {
        item["lastActivityAt"] = json!(at);
    }
    item
}

pub fn search_topics<'a>(request: &TopicSearch, topics: impl Iterator<Item = &'a Topic>) -> Value {
    let matched: Vec<&Topic> = topics.filter(|t| request.filter.iter().all(|f| topic_matches(t, f))).collect();
    let ordered = sorted(matched, request.desc_sort, |t| topic_key(t, request.sort), Topic::name);
    request.paginate(ordered.into_iter().map(topic_item).collect())
}

fn group_matches(group: &ConsumerGroup, filter: &GroupFilter) -> bool {
    match filter {
        GroupFilter::OnConsumerGroupName { contains } => group.name.contains(contains.as_str()),
        GroupFilter::OnState { one_of } => group.index.as_ref().is_some_and(|index| one_of.contains(&index.state)),
    }
}

fn group_key(group: &ConsumerGroup, sort: GroupSort) -> Option<Key> {
    if sort == GroupSort::ByName {
        return None;
    }
    let index: &GroupIndex = group.index.as_ref()?;
    Some(match sort {
        GroupSort::ByName => return None,
        GroupSort::ByState => Key::Text(index.state.as_str().to_string()),
        GroupSort::ByOverallLag => Key::Number(index.overall_lag.unwrap_or(-1)),
        GroupSort::ByMaxLagTimeInSeconds => Key::Number(index.max_lag_seconds.unwrap_or(-1)),
        GroupSort::ByMembers => Key::Number(i64::from(index.members)),
    })
}

/// `IndexedConsumerGroup` (unknown lag left out) or `NotIndexedConsumerGroup`.
fn group_item(group: &ConsumerGroup) -> Value {
    let Some(index) = &group.index else {
        return json!({ "type": "NotIndexedConsumerGroup", "name": group.name });
    };
    let mut item = Map::new();
    item.insert("type".into(), json!("IndexedConsumerGroup"));
    item.insert("name".into(), json!(group.name));
    item.insert("state".into(), json!(index.state.as_str()));
    item.insert("members".into(), json!(index.members));
    item.insert("topics".into(), json!(index.topics));
    if let Some(lag) = index.overall_lag {
        item.insert("overallLag".into(), json!(lag));
    }
    if let Some(seconds) = index.max_lag_seconds {
        item.insert("maxLagTimeInSeconds".into(), json!(seconds));
    }
    Value::Object(item)
}

pub fn search_consumer_groups<'a>(request: &GroupSearch, groups: impl Iterator<Item = &'a ConsumerGroup>) -> Value {
    let matched: Vec<&ConsumerGroup> = groups.filter(|g| request.filter.iter().all(|f| group_matches(g, f))).collect();
    let ordered = sorted(matched, request.desc_sort, |g| group_key(g, request.sort), |g| g.name.as_str());
    request.paginate(ordered.into_iter().map(group_item).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Seed;

    fn topics(body: Value) -> TopicSearch {
        parse(body.to_string().as_bytes()).expect("a valid search")
    }

    fn names(page: &Value) -> Vec<&str> {
        page["data"].as_array().map(|d| d.iter().filter_map(|t| t["name"].as_str()).collect()).unwrap_or_default()
    }

    #[test]
    fn pages_are_one_based_and_counted() {
        let seed = Seed::default();
        let page =
            search_topics(&topics(json!({"page": 2, "itemsPerPage": 2, "sort": "ByName"})), seed.topics_of("prod-eu"));
        assert_eq!(
            (page["page"].as_i64(), page["totalPages"].as_i64(), page["totalElements"].as_i64()),
            (Some(2), Some(4), Some(7))
        );
        assert_eq!(names(&page), vec!["inventory.stock", "payments.chargebacks"], "not indexed, sorted by name");
        assert_eq!(page["data"][1], json!({ "type": "NotIndexedTopic", "name": "payments.chargebacks" }));
    }

    #[test]
    fn refuses_what_the_spec_does_not_allow() {
        let error =
            |body: Value| parse::<TopicSort, TopicFilter>(body.to_string().as_bytes()).err().unwrap_or_default();
        assert!(error(json!({"page": 0, "itemsPerPage": 10, "sort": "ByName"})).contains("page"));
        assert!(error(json!({"page": 1, "itemsPerPage": 0, "sort": "ByName"})).contains("itemsPerPage"));
        assert!(error(json!({"page": 1, "itemsPerPage": 10, "sort": "ByLag"})).contains("unknown variant `ByLag`"));
        assert!(error(json!({"page": 1, "itemsPerPage": 10})).contains("missing field `sort`"));
        let unknown_filter = json!({"page": 1, "itemsPerPage": 10, "sort": "ByName", "filter": [{"type": "OnState"}]});
        assert!(error(unknown_filter).contains("unknown variant `OnState`"));
        let no_contains =
            json!({"page": 1, "itemsPerPage": 10, "sort": "ByName", "filter": [{"type": "TopicNameFilter"}]});
        assert!(error(no_contains).contains("missing field `contains`"));
        let bad_policy = json!({"page": 1, "itemsPerPage": 10, "sort": "ByName",
            "filter": [{"type": "CleanupPolicyFilter", "oneOf": ["delete,compact"]}]});
        assert!(error(bad_policy).contains("unknown variant"));
        assert!(error(json!({"page": 1, "itemsPerPage": 10, "sort": "ByName", "filter": null})).contains("null"));
        let groups =
            |body: Value| parse::<GroupSort, GroupFilter>(body.to_string().as_bytes()).err().unwrap_or_default();
        assert!(groups(json!({"page": 1, "itemsPerPage": 10, "sort": "ByMessageCount"})).contains("unknown variant"));
        let bad_state = json!({"page": 1, "itemsPerPage": 10, "sort": "ByName", "filter": [{"type": "OnState", "oneOf": ["Rebalancing"]}]});
        assert!(groups(bad_state).contains("unknown variant `Rebalancing`"));
        // Fields the spec does not name are allowed (its objects are open).
        let extra = json!({"page": 1, "itemsPerPage": 10, "sort": "ByName", "x": 1, "filter": [{"type": "HideInternal", "y": 2}]});
        assert!(parse::<TopicSort, TopicFilter>(extra.to_string().as_bytes()).is_ok());
    }

    #[test]
    fn filters_and_sorts() {
        let seed = Seed::default();
        let by_label = topics(json!({"page": 1, "itemsPerPage": 50, "sort": "ByMessageCount",
            "filter": [{ "type": "LabelsFilter", "key": "conduktor.io/application", "values": ["payments"] }]}));
        let page = search_topics(&by_label, seed.topics_of("prod-eu"));
        assert_eq!(
            names(&page),
            vec!["payments.refunds", "payments.ledger", "payments.orders"],
            "labels need the index"
        );
        let by_size = topics(json!({"page": 1, "itemsPerPage": 50, "sort": "ByTopicSizeByte", "descSort": true,
            "filter": [{ "type": "TopicNameFilter", "contains": "payments." }]}));
        let page = search_topics(&by_size, seed.topics_of("prod-eu"));
        assert_eq!(
            names(&page),
            vec!["payments.orders", "payments.ledger", "payments.refunds", "payments.chargebacks"]
        );
        let tagged = topics(json!({"page": 1, "itemsPerPage": 50, "sort": "ByName",
            "filter": [{ "type": "TagsFilter", "atLeast": ["pci"] }]}));
        assert_eq!(
            names(&search_topics(&tagged, seed.topics_of("prod-eu"))),
            vec!["click.sessions", "payments.orders", "payments.refunds"]
        );

        let lag: GroupSearch = parse(
            json!({"page": 1, "itemsPerPage": 50, "sort": "ByOverallLag", "descSort": true,
            "filter": [{ "type": "OnConsumerGroupName", "contains": "payments" }]})
            .to_string()
            .as_bytes(),
        )
        .unwrap();
        let page = search_consumer_groups(&lag, seed.consumer_groups.iter().filter(|g| g.cluster == "prod-eu"));
        assert_eq!(names(&page), vec!["payments-refunds-worker", "payments-processor"]);
        let staging = search_consumer_groups(&lag, seed.consumer_groups.iter().filter(|g| g.cluster == "staging"));
        assert_eq!(
            staging["data"][1],
            json!({ "type": "NotIndexedConsumerGroup", "name": "payments-audit" }),
            "last when descending"
        );
    }

    #[test]
    fn items_have_no_null() {
        let (seed, _) = crate::dataset::parse(
            "clusters: [{metadata: {name: c}, spec: {displayName: C, bootstrapServers: 'b:9092'}}]\n\
             topics: [{metadata: {name: bare, cluster: c}, spec: {partitions: 1, replicationFactor: 1}}]\n",
        )
        .expect("a dataset");
        let page = search_topics(&topics(json!({"page": 1, "itemsPerPage": 5, "sort": "ByName"})), seed.topics_of("c"));
        let item = &page["data"][0];
        assert!(!item.to_string().contains("null"), "{item}");
        assert_eq!((item["labels"].clone(), item["cleanupPolicy"].clone()), (json!({}), json!("delete")));
        assert!(item.get("lastActivityAt").is_none());
    }
}
