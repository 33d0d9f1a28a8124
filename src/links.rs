//! Links into the Conduktor Console UI, when the caller gives `consoleUrl`: the one
//! place view models get their `consoleLink`.
//!
//! Console's UI routes are not part of its documented API, so the paths are
//! templates: the defaults below are our best reading of Console's UI and can be
//! replaced with `consoleLinks: { cluster, topic, consumerGroup, application }`.
//! Every name is percent-encoded as one path segment, so a name cannot change the
//! link's target (`../admin`, `?x=`, `#` stay inside their segment).

use crate::endpoint::encode_segment;
use crate::options::ConsoleSettings;
use crate::view::{Application, ConsumerGroup, EntityOverview, KafkaCluster, Topic};

pub const DEFAULT_CLUSTER: &str = "/console/{cluster}/topics";
pub const DEFAULT_TOPIC: &str = "/console/{cluster}/topics/{topic}";
pub const DEFAULT_CONSUMER_GROUP: &str = "/console/{cluster}/consumer-groups/{group}";
pub const DEFAULT_APPLICATION: &str = "/applications/{application}";

/// Base URL and path templates, validated by `options`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleLinks {
    base: String,
    cluster: String,
    topic: String,
    consumer_group: String,
    application: String,
}

impl ConsoleLinks {
    pub fn new(settings: &ConsoleSettings) -> ConsoleLinks {
        let or = |template: &Option<String>, default: &str| template.clone().unwrap_or_else(|| default.to_string());
        ConsoleLinks {
            base: settings.url.clone(),
            cluster: or(&settings.cluster, DEFAULT_CLUSTER),
            topic: or(&settings.topic, DEFAULT_TOPIC),
            consumer_group: or(&settings.consumer_group, DEFAULT_CONSUMER_GROUP),
            application: or(&settings.application, DEFAULT_APPLICATION),
        }
    }

    pub fn cluster(&self, cluster: &str) -> String {
        self.fill(&self.cluster, &[("cluster", cluster)])
    }

    pub fn topic(&self, cluster: &str, topic: &str) -> String {
        self.fill(&self.topic, &[("cluster", cluster), ("topic", topic)])
    }

    pub fn consumer_group(&self, cluster: &str, group: &str) -> String {
        self.fill(&self.consumer_group, &[("cluster", cluster), ("group", group)])
    }

    pub fn application(&self, application: &str) -> String {
        self.fill(&self.application, &[("application", application)])
    }

    pub fn add_to_cluster(&self, cluster: &mut KafkaCluster) {
        cluster.console_link = Some(self.cluster(&cluster.name));
    }

    pub fn add_to_topic(&self, topic: &mut Topic) {
        topic.console_link = Some(self.topic(&topic.cluster, &topic.name));
    }

    pub fn add_to_group(&self, group: &mut ConsumerGroup) {
        group.console_link = Some(self.consumer_group(&group.cluster, &group.name));
    }

    pub fn add_to_application(&self, application: &mut Application) {
        application.console_link = Some(self.application(&application.name));
    }

    pub fn add_to_overview(&self, overview: &mut EntityOverview) {
        overview.clusters.iter_mut().for_each(|c| self.add_to_cluster(c));
        overview.topics.iter_mut().for_each(|t| self.add_to_topic(t));
        overview.consumer_groups.iter_mut().for_each(|g| self.add_to_group(g));
        for application in overview.applications.iter_mut().filter_map(|a| a.application.as_mut()) {
            self.add_to_application(application);
        }
    }

    /// The base URL followed by the template, each `{name}` replaced by its encoded value.
    fn fill(&self, template: &str, values: &[(&str, &str)]) -> String {
        let mut out = self.base.clone();
        let mut rest = template;
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            let Some((name, tail)) = after.split_once('}') else {
                out.push('{');
                rest = after;
                break;
            };
            match values.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(&encode_segment(value)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = tail;
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(url: &str, topic: Option<&str>, application: Option<&str>) -> ConsoleLinks {
        ConsoleLinks::new(&ConsoleSettings {
            url: url.into(),
            topic: topic.map(String::from),
            application: application.map(String::from),
            ..ConsoleSettings::default()
        })
    }

    #[test]
    fn builds_encoded_links_from_the_defaults() {
        let links = links("https://console.example.com", None, None);
        assert_eq!(links.cluster("prod-eu"), "https://console.example.com/console/prod-eu/topics");
        assert_eq!(
            links.topic("prod-eu", "payments.orders"),
            "https://console.example.com/console/prod-eu/topics/payments.orders"
        );
        assert_eq!(
            links.consumer_group("prod eu", "../admin?x=1#y"),
            "https://console.example.com/console/prod%20eu/consumer-groups/..%2Fadmin%3Fx%3D1%23y"
        );
        assert_eq!(links.topic("c", ".."), "https://console.example.com/console/c/topics/%2E%2E");
        assert_eq!(links.application("payments"), "https://console.example.com/applications/payments");
    }

    #[test]
    fn templates_can_be_replaced() {
        let links =
            links("http://127.0.0.1:8080", Some("/ui/{cluster}/t/{topic}?tab=data"), Some("/self-serve/{application}"));
        assert_eq!(links.topic("a", "b/c"), "http://127.0.0.1:8080/ui/a/t/b%2Fc?tab=data");
        assert_eq!(links.application("x"), "http://127.0.0.1:8080/self-serve/x");
        let odd = super::tests::links("https://c.example.com", Some("/{cluster}/{other}/{topic"), None);
        assert_eq!(
            odd.topic("a", "b"),
            "https://c.example.com/a/{other}/{topic",
            "unknown placeholders stay as written"
        );
    }
}
