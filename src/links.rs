//! Links into the Conduktor Console UI, when the caller gives `consoleUrl`.
//!
//! Console's UI routes are not part of its documented API, so the paths are
//! templates: the defaults below are our best reading of Console's UI and can be
//! replaced with `consoleLinks: { cluster, topic, consumerGroup, application }`.
//! Every name is percent-encoded as one path segment, so a name cannot change the
//! link's target (`../admin`, `?x=`, `#` stay inside their segment).

use crate::error::{shorten, CoreError};
use crate::model::{Application, ConsumerGroup, KafkaCluster, Topic};
use crate::overview::EntityOverview;
use crate::request::{check_url_text, encode_segment, is_http_url};

pub const DEFAULT_CLUSTER: &str = "/console/{cluster}/topics";
pub const DEFAULT_TOPIC: &str = "/console/{cluster}/topics/{topic}";
pub const DEFAULT_CONSUMER_GROUP: &str = "/console/{cluster}/consumer-groups/{group}";
pub const DEFAULT_APPLICATION: &str = "/applications/{application}";

/// Validated base URL and path templates.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleLinks {
    base: String,
    cluster: String,
    topic: String,
    consumer_group: String,
    application: String,
}

/// Templates the caller may override; `None` keeps the default.
#[derive(Debug, Default)]
pub struct Templates {
    pub cluster: Option<String>,
    pub topic: Option<String>,
    pub consumer_group: Option<String>,
    pub application: Option<String>,
}

impl ConsoleLinks {
    pub fn parse(console_url: &str, templates: Templates) -> Result<ConsoleLinks, CoreError> {
        check_url_text("options.consoleUrl", console_url)?;
        if !is_http_url(console_url) || console_url.contains(['"', '<', '>', '\\']) {
            return Err(CoreError::invalid_input(
                "options.consoleUrl must be the http(s) address of Conduktor Console, like \"https://conduktor.example.com\"",
            ));
        }
        Ok(ConsoleLinks {
            base: console_url.trim_end_matches('/').to_string(),
            cluster: template(templates.cluster)?.unwrap_or_else(|| DEFAULT_CLUSTER.into()),
            topic: template(templates.topic)?.unwrap_or_else(|| DEFAULT_TOPIC.into()),
            consumer_group: template(templates.consumer_group)?.unwrap_or_else(|| DEFAULT_CONSUMER_GROUP.into()),
            application: template(templates.application)?.unwrap_or_else(|| DEFAULT_APPLICATION.into()),
        })
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

/// The caller's template, or the default. A template is a path: it starts with a
/// single '/' and holds nothing that could end the URL or start another. Unknown
/// placeholders are left as written.
fn template(value: Option<String>) -> Result<Option<String>, CoreError> {
    let Some(value) = value else { return Ok(None) };
    let unsafe_char = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '#');
    if value.starts_with('/') && !value.starts_with("//") && !value.contains(unsafe_char) {
        return Ok(Some(value));
    }
    Err(CoreError::invalid_input(format!(
        "options.consoleLinks template \"{}\" must be a path starting with a single '/', without spaces, quotes or '#'",
        shorten(&value, 80)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(url: &str) -> Result<ConsoleLinks, CoreError> {
        ConsoleLinks::parse(url, Templates::default())
    }

    #[test]
    fn builds_encoded_links_from_the_defaults() {
        let links = links("https://console.example.com/").unwrap();
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
        let templates = Templates {
            topic: Some("/ui/{cluster}/t/{topic}?tab=data".into()),
            application: Some("/self-serve/{application}".into()),
            ..Templates::default()
        };
        let links = ConsoleLinks::parse("http://127.0.0.1:8080", templates).unwrap();
        assert_eq!(links.topic("a", "b/c"), "http://127.0.0.1:8080/ui/a/t/b%2Fc?tab=data");
        assert_eq!(links.application("x"), "http://127.0.0.1:8080/self-serve/x");
    }

    #[test]
    fn refuses_what_is_not_a_console_address_or_a_path() {
        for bad in [
            "",
            "console.example.com",
            "javascript:alert(1)",
            "ftp://x",
            "https://",
            "https:///x",
            "https://x/?q",
            "https://x/#f",
            "https://x y",
            "https://x\"onclick",
        ] {
            assert!(links(bad).is_err(), "{bad}");
        }
        for template in ["topics/{topic}", "//evil.example.com/{topic}", "/x\"y", "/x#y", "/a b", "/x\\y"] {
            let templates = Templates { topic: Some(template.into()), ..Templates::default() };
            let error = ConsoleLinks::parse("https://c.example.com", templates).expect_err(template);
            assert!(error.message.contains("options.consoleLinks"), "{template}: {}", error.message);
        }
        let odd = Templates { topic: Some("/{cluster}/{other}/{topic".into()), ..Templates::default() };
        let links = ConsoleLinks::parse("https://c.example.com", odd).unwrap();
        assert_eq!(
            links.topic("a", "b"),
            "https://c.example.com/a/{other}/{topic",
            "unknown placeholders stay as written"
        );
    }
}
