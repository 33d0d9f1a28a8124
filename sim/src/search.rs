//! Console's v1 search endpoints, the only public source of topic metrics and
//! consumer-group lag: `POST /public/v1/clusters/{cluster}/topics` and
//! `.../consumergroups`, with `{page, itemsPerPage, sort, descSort?, filter?}`
//! bodies and `{data, page, totalPages, perPage, totalElements}` pages (1-based).

use serde::Deserialize;
use serde_json::{json, Value};

use crate::data::{ConsumerGroup, Topic};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchRequest {
    pub page: i64,
    pub items_per_page: i64,
    pub sort: String,
    #[serde(default)]
    pub desc_sort: bool,
    #[serde(default)]
    pub filter: Vec<Value>,
}

pub const MAX_ITEMS_PER_PAGE: i64 = 1000;

impl SearchRequest {
    /// Console answers 400 "The request is not valid" to out-of-range paging.
    pub fn is_valid(&self) -> bool {
        self.page >= 1 && (1..=MAX_ITEMS_PER_PAGE).contains(&self.items_per_page)
    }

    fn paginate(&self, items: Vec<Value>) -> Value {
        let total = items.len() as i64;
        let per_page = self.items_per_page;
        let total_pages = (total + per_page - 1) / per_page;
        let data: Vec<Value> =
            items.into_iter().skip(((self.page - 1) * per_page) as usize).take(per_page as usize).collect();
        json!({ "data": data, "page": self.page, "totalPages": total_pages, "perPage": per_page, "totalElements": total })
    }
}

fn str_field<'a>(filter: &'a Value, key: &str) -> &'a str {
    filter.get(key).and_then(Value::as_str).unwrap_or("")
}

fn topic_matches(topic: &Topic, filter: &Value) -> bool {
    let metadata = &topic.resource["metadata"];
    let name = metadata["name"].as_str().unwrap_or("");
    match str_field(filter, "type") {
        "TopicNameFilter" => name.contains(str_field(filter, "contains")),
        "HideInternal" => !name.starts_with('_'),
        "LabelsFilter" => {
            let value = metadata["labels"].get(str_field(filter, "key")).and_then(Value::as_str);
            match (value, filter.get("values").and_then(Value::as_array)) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(v), Some(values)) => values.iter().any(|x| x.as_str() == Some(v)),
            }
        }
        "CleanupPolicyFilter" => {
            let policy = topic.resource["spec"]["configs"]["cleanup.policy"].as_str().unwrap_or("delete");
            filter["oneOf"].as_array().is_some_and(|a| a.iter().any(|x| x.as_str() == Some(policy)))
        }
        // Filters the simulator does not model (HideStream, TagsFilter) match everything.
        _ => true,
    }
}

fn indexed_topic(topic: &Topic) -> Value {
    let (metadata, spec) = (&topic.resource["metadata"], &topic.resource["spec"]);
    let configs = &spec["configs"];
    let retention: i64 = configs["retention.ms"].as_str().and_then(|s| s.parse().ok()).unwrap_or(-1);
    let min_isr: i64 = configs["min.insync.replicas"].as_str().and_then(|s| s.parse().ok()).unwrap_or(1);
    json!({
        "type": "IndexedTopic",
        "name": metadata["name"],
        "replicationFactor": spec["replicationFactor"],
        "partitionCount": spec["partitions"],
        "recordCount": topic.metrics.record_count,
        "topicSize": topic.metrics.size_bytes,
        "cleanupPolicy": configs["cleanup.policy"],
        "retentionInMs": retention,
        "minIsr": min_isr,
        "labels": metadata["labels"],
        "lastActivityAt": topic.metrics.last_activity_at,
        "produceRate": topic.metrics.produce_rate,
    })
}

pub fn search_topics<'a>(request: &SearchRequest, topics: impl Iterator<Item = &'a Topic>) -> Value {
    let mut matched: Vec<&Topic> = topics.filter(|t| request.filter.iter().all(|f| topic_matches(t, f))).collect();
    let key = |t: &&Topic| -> (i64, String) {
        let name = t.resource["metadata"]["name"].as_str().unwrap_or("").to_string();
        let number = match request.sort.as_str() {
            "ByMessageCount" => t.metrics.record_count,
            "ByTopicSizeByte" => t.metrics.size_bytes,
            "ByProduceRate" => i64::from(t.metrics.produce_rate),
            "ByNumPartition" => t.resource["spec"]["partitions"].as_i64().unwrap_or(0),
            "ByReplicationFactor" => t.resource["spec"]["replicationFactor"].as_i64().unwrap_or(0),
            _ => 0,
        };
        (number, name)
    };
    matched.sort_by_key(key);
    if request.desc_sort {
        matched.reverse();
    }
    request.paginate(matched.into_iter().map(indexed_topic).collect())
}

fn group_matches(group: &ConsumerGroup, filter: &Value) -> bool {
    match str_field(filter, "type") {
        "OnConsumerGroupName" => group.name.contains(str_field(filter, "contains")),
        "OnState" => {
            filter["oneOf"].as_array().is_some_and(|a| a.iter().any(|x| x.as_str() == Some(group.state.as_str())))
        }
        _ => true,
    }
}

pub fn search_consumer_groups<'a>(request: &SearchRequest, groups: impl Iterator<Item = &'a ConsumerGroup>) -> Value {
    let mut matched: Vec<&ConsumerGroup> =
        groups.filter(|g| request.filter.iter().all(|f| group_matches(g, f))).collect();
    let key = |g: &'a ConsumerGroup| -> (i64, &'a str) {
        let number = match request.sort.as_str() {
            "ByOverallLag" => g.overall_lag.unwrap_or(-1),
            "ByMaxLagTimeInSeconds" => g.max_lag_seconds.unwrap_or(-1),
            "ByMembers" => i64::from(g.members),
            _ => 0,
        };
        (number, if request.sort == "ByState" { g.state.as_str() } else { "" })
    };
    matched.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name)));
    if request.desc_sort {
        matched.reverse();
    }
    let items = matched
        .into_iter()
        .map(|g| {
            let mut item = json!({ "type": "IndexedConsumerGroup", "name": g.name, "state": g.state, "members": g.members, "topics": g.topics });
            if let Some(lag) = g.overall_lag {
                item["overallLag"] = json!(lag);
            }
            if let Some(seconds) = g.max_lag_seconds {
                item["maxLagTimeInSeconds"] = json!(seconds);
            }
            item
        })
        .collect();
    request.paginate(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Seed;

    fn request(page: i64, per_page: i64, sort: &str, filter: Value) -> SearchRequest {
        serde_json::from_value(json!({ "page": page, "itemsPerPage": per_page, "sort": sort, "filter": filter }))
            .unwrap()
    }

    #[test]
    fn pages_are_one_based_and_counted() {
        let seed = Seed::default();
        let page = search_topics(&request(2, 2, "ByName", json!([])), seed.topics_of("prod-eu"));
        assert_eq!(
            (page["page"].as_i64(), page["totalPages"].as_i64(), page["totalElements"].as_i64()),
            (Some(2), Some(3), Some(6))
        );
        let names: Vec<&str> = page["data"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["inventory.stock", "payments.ledger"]);
        assert!(!request(0, 10, "ByName", json!([])).is_valid());
        assert!(!request(1, 0, "ByName", json!([])).is_valid());
    }

    #[test]
    fn filters_and_sorts() {
        let seed = Seed::default();
        let by_label = request(
            1,
            50,
            "ByMessageCount",
            json!([{ "type": "LabelsFilter", "key": "conduktor.io/application", "values": ["payments"] }]),
        );
        let page = search_topics(&by_label, seed.topics_of("prod-eu"));
        let names: Vec<&str> = page["data"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["payments.refunds", "payments.ledger", "payments.orders"]);
        let lag = request(1, 50, "ByOverallLag", json!([{ "type": "OnConsumerGroupName", "contains": "payments" }]));
        let mut desc = lag;
        desc.desc_sort = true;
        let page = search_consumer_groups(&desc, seed.consumer_groups.iter().filter(|g| g.cluster == "prod-eu"));
        let names: Vec<&str> = page["data"].as_array().unwrap().iter().map(|g| g["name"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["payments-refunds-worker", "payments-processor"]);
    }
}
