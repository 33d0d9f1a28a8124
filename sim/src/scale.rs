//! `--scale clusters=N,topics=M,groups=K`: a large, deterministic dataset for
//! benchmarks and request-planning tests. It adds `N` clusters named `scale-0`…,
//! and puts the `M` topics and `K` consumer groups on `scale-0`, the shape of a
//! big shared production cluster. The same flags always give the same data.

use serde_json::json;

use crate::data::{
    ConsumerGroup, GroupIndex, GroupState, Seed, Topic, TopicIndex, TopicMetrics, APPLICATION_LABEL, INSTANCE_LABEL,
};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scale {
    pub clusters: usize,
    pub topics: usize,
    pub groups: usize,
}

impl std::str::FromStr for Scale {
    type Err = String;

    fn from_str(text: &str) -> Result<Scale, String> {
        let mut scale = Scale::default();
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (key, value) = part.split_once('=').ok_or_else(|| format!("expected key=value, got \"{part}\""))?;
            let value: usize = value.trim().parse().map_err(|_| format!("\"{value}\" is not a count"))?;
            match key.trim() {
                "clusters" => scale.clusters = value,
                "topics" => scale.topics = value,
                "groups" => scale.groups = value,
                other => return Err(format!("unknown scale key \"{other}\" (clusters, topics, groups)")),
            }
        }
        if scale.clusters == 0 && (scale.topics > 0 || scale.groups > 0) {
            scale.clusters = 1;
        }
        Ok(scale)
    }
}

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const DOMAINS: [&str; 8] =
    ["payments", "orders", "inventory", "shipping", "billing", "search", "identity", "analytics"];
const STATES: [GroupState; 4] =
    [GroupState::Stable, GroupState::Stable, GroupState::Empty, GroupState::PreparingRebalance];

/// Every `OWNED_EVERY`th topic belongs to the self-service application `scale-app`
/// (about 30 of 100 000), named `scale-app.events-<i>` and carrying Console's label.
const OWNED_EVERY: usize = 3_333;

/// One topic in `NOT_INDEXED_EVERY` more (at least one) exists in Kafka but not
/// yet in Console's index: `fresh.events-<j>`, named by the v1 search only. They
/// come on top of the `M` topics, so the v2 topic list still has exactly `M`.
const NOT_INDEXED_EVERY: usize = 10_000;

/// One consumer group in 1 000 (of the `K`: the group count stays `K`) is not
/// indexed yet: groups 999, 1999, …
fn group_is_indexed(g: usize) -> bool {
    g % 1_000 != 999
}

/// Topic `i` of the generated cluster: `<domain>.svc<n>.events-<i>`, or an owned one.
pub fn topic_name(i: usize) -> String {
    if i.is_multiple_of(OWNED_EVERY) {
        format!("scale-app.events-{i}")
    } else {
        format!("{}.svc{}.events-{i}", DOMAINS[i % DOMAINS.len()], i / DOMAINS.len() % 100)
    }
}

impl Scale {
    pub fn extend(&self, seed: &mut Seed) {
        let mut rng = Rng(0x5EED_0000_0000_0001);
        for c in 0..self.clusters {
            seed.clusters.push(json!({
                "apiVersion": "v2", "kind": "KafkaCluster",
                "metadata": { "name": format!("scale-{c}"), "labels": { "generated": "true", "index": c.to_string() } },
                "spec": {
                    "displayName": format!("Scale cluster {c}"),
                    "bootstrapServers": format!("s{c}-b1.kafka.internal:9092,s{c}-b2.kafka.internal:9092"),
                    "color": format!("#{:06X}", rng.below(0xFF_FFFF)),
                    "ignoreUntrustedCertificate": false,
                    "properties": { "sasl.jaas.config": format!("password=\"{}-scale-{c}\"", crate::data::SECRET_MARKER) }
                }
            }));
        }
        if self.clusters == 0 {
            return;
        }
        for i in 0..self.topics {
            let name = topic_name(i);
            let mut labels = json!({ "domain": DOMAINS[i % DOMAINS.len()] });
            if i.is_multiple_of(OWNED_EVERY) {
                labels[APPLICATION_LABEL] = json!("scale-app");
                labels[INSTANCE_LABEL] = json!("scale-app-prod");
            }
            let partitions = [1, 3, 6, 12, 24][rng.below(5) as usize];
            seed.topics.push(Topic {
                resource: json!({
                    "apiVersion": "v2", "kind": "Topic",
                    "metadata": { "name": name, "cluster": "scale-0", "labels": labels },
                    "spec": {
                        "partitions": partitions, "replicationFactor": 3,
                        "configs": { "cleanup.policy": if i.is_multiple_of(7) { "compact" } else { "delete" }, "retention.ms": "604800000" }
                    }
                }),
                index: Some(TopicIndex {
                    metrics: TopicMetrics {
                        record_count: rng.below(50_000_000) as i64,
                        size_bytes: rng.below(50_000_000_000) as i64,
                        produce_rate: rng.below(5_000) as i32,
                        last_activity_at: Some("2026-11-29T10:00:00Z".into()),
                    },
                    tags: vec![],
                }),
            });
        }
        for j in 0..self.topics.div_ceil(NOT_INDEXED_EVERY) {
            seed.topics.push(Topic {
                resource: json!({
                    "apiVersion": "v2", "kind": "Topic",
                    "metadata": { "name": format!("fresh.events-{j}"), "cluster": "scale-0", "labels": {} },
                    "spec": { "partitions": 3, "replicationFactor": 3, "configs": { "cleanup.policy": "delete" } }
                }),
                index: None,
            });
        }
        for g in 0..self.groups {
            let topics = (0..=rng.below(2)).map(|k| topic_name((g * 3 + k as usize) % self.topics.max(1))).collect();
            let index = GroupIndex {
                state: STATES[g % STATES.len()],
                members: rng.below(12) as i32,
                overall_lag: Some(rng.below(100_000) as i64),
                max_lag_seconds: Some(rng.below(600) as i64),
                topics,
            };
            seed.consumer_groups.push(ConsumerGroup {
                cluster: "scale-0".into(),
                name: format!("{}-consumer-{g}", DOMAINS[g % DOMAINS.len()]),
                index: group_is_indexed(g).then_some(index),
            });
        }
        seed.applications.push(json!({
            "apiVersion": "v1", "kind": "Application",
            "metadata": { "name": "scale-app" },
            "spec": { "title": "Scale app", "owner": "admins" }
        }));
        seed.instances.push(json!({
            "apiVersion": "v1", "kind": "ApplicationInstance",
            "metadata": { "name": "scale-app-prod", "application": "scale-app" },
            "spec": { "cluster": "scale-0", "resources": [
                { "type": "TOPIC", "name": "scale-app.", "patternType": "PREFIXED" },
                { "type": "CONSUMER_GROUP", "name": "scale-app-", "patternType": "PREFIXED" }
            ] }
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flags() {
        assert_eq!("clusters=3,topics=100".parse::<Scale>().unwrap(), Scale { clusters: 3, topics: 100, groups: 0 });
        assert_eq!("topics=5".parse::<Scale>().unwrap().clusters, 1, "topics need a cluster");
        assert!("topics=x".parse::<Scale>().is_err());
        assert!("nodes=3".parse::<Scale>().is_err());
    }

    #[test]
    fn is_deterministic_and_sized() {
        let scale: Scale = "clusters=2,topics=1000,groups=300".parse().unwrap();
        let (mut a, mut b) = (Seed::default(), Seed::default());
        let base_topics = a.topics.len();
        scale.extend(&mut a);
        scale.extend(&mut b);
        assert_eq!(a.topics.len() - base_topics, 1001, "1000 topics and a not-indexed one");
        let indexed = a.topics_of("scale-0").filter(|t| t.index.is_some()).count();
        assert_eq!((a.topics_of("scale-0").count(), indexed), (1001, 1000));
        assert_eq!(a.consumer_groups.iter().filter(|g| g.cluster == "scale-0").count(), 300);
        let mut big = Seed::default();
        "topics=100000,groups=20000".parse::<Scale>().unwrap().extend(&mut big);
        let not_indexed = |s: &Seed| s.topics_of("scale-0").filter(|t| t.index.is_none()).count();
        assert_eq!(not_indexed(&big), 10);
        assert_eq!(big.consumer_groups.iter().filter(|g| g.cluster == "scale-0" && g.index.is_none()).count(), 20);
        assert_eq!(a.clusters, b.clusters);
        let names = |s: &Seed| {
            s.topics
                .iter()
                .map(|t| (t.resource.clone(), t.index.as_ref().map(|i| i.metrics.record_count)))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&a), names(&b));
        let owned =
            a.topics_of("scale-0").filter(|t| t.resource["metadata"]["labels"][APPLICATION_LABEL] == "scale-app");
        assert_eq!(owned.count(), 1, "topic 0 of 1000; about 30 of 100 000");
    }
}
