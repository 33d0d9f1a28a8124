//! The Console calls, in Rust terms: one function per endpoint, each taking a
//! validated `Call` (token, proxy endpoint, options) and returning view models.

use crate::error::CoreError;
use crate::json::{self, object, Json, Number, ToJson};
use crate::model::{self, Application, ApplicationInstance, ConsumerGroup, KafkaCluster, SearchTopic, Topic};
use crate::options::CallOptions;
use crate::request::{Endpoint, Token};
use crate::transport;

/// Everything a call needs, validated before any request is sent.
pub struct Call {
    pub token: Token,
    pub endpoint: Endpoint,
    pub options: CallOptions,
}

/// A name the caller passes for a path segment: a non-empty string.
pub fn name_argument(value: Option<String>, what: &str) -> Result<String, CoreError> {
    match value {
        Some(name) if !name.trim().is_empty() && name.len() <= 1024 => Ok(name),
        _ => Err(CoreError::invalid_input(format!("{what} must be a non-empty string of at most 1024 bytes"))),
    }
}

/// A list that may have stopped before the end: `truncated` says so.
pub struct Listing<T> {
    pub items: Vec<T>,
    pub total_elements: Option<Number>,
    pub truncated: bool,
}

/// `GET /public/console/v2/kafka-cluster`: the clusters the user may see.
const CLUSTER_LIST: [&str; 4] = ["public", "console", "v2", "kafka-cluster"];

/// How a paged search ended.
pub struct Paging {
    pub total_elements: Option<Number>,
    pub truncated: bool,
}

impl Paging {
    fn with<T>(self, items: Vec<T>) -> Listing<T> {
        Listing { items, total_elements: self.total_elements, truncated: self.truncated }
    }
}

/// A filter of Console's v1 searches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SearchFilter<'a> {
    TopicName(&'a str),
    TopicLabel { key: &'a str, value: &'a str },
    ConsumerGroupName(&'a str),
}

impl ToJson for SearchFilter<'_> {
    fn write_json(&self, out: &mut String) {
        match self {
            SearchFilter::TopicName(text) => object(out, &[("type", &"TopicNameFilter"), ("contains", text)]),
            SearchFilter::TopicLabel { key, value } => {
                object(out, &[("type", &"LabelsFilter"), ("key", key), ("values", &[*value].as_slice())])
            }
            SearchFilter::ConsumerGroupName(text) => {
                object(out, &[("type", &"OnConsumerGroupName"), ("contains", text)])
            }
        }
    }
}

impl Call {
    /// Console UI links, when the caller gave `consoleUrl`.
    pub fn links(&self) -> Option<&crate::links::ConsoleLinks> {
        self.options.console_links.as_ref()
    }

    async fn get(&self, segments: &[&str]) -> Result<String, CoreError> {
        transport::get_text(&self.endpoint.url(segments), &self.token, &self.options).await
    }

    pub async fn clusters(&self) -> Result<Vec<KafkaCluster>, CoreError> {
        model::decode_clusters(&self.get(&CLUSTER_LIST).await?)
    }

    /// The cluster list as the JSON text of its view models (with Console links when
    /// configured), written item by item.
    pub async fn clusters_json(&self) -> Result<String, CoreError> {
        let body = self.get(&CLUSTER_LIST).await?;
        let mut out = String::with_capacity(body.len());
        model::write_clusters(&body, &mut out, &|cluster| {
            if let Some(links) = self.links() {
                links.add_to_cluster(cluster);
            }
        })?;
        Ok(out)
    }

    /// A cluster's topics as the JSON text of their view models, written item by item.
    pub async fn topics_json(&self, cluster: &str) -> Result<String, CoreError> {
        let body = self.get(&["public", "kafka", "v2", "cluster", cluster, "topic"]).await?;
        // The view models are smaller than Console's resources: one allocation, no regrowth.
        let mut out = String::with_capacity(body.len());
        model::write_topics(&body, cluster, &mut out, &|topic| {
            if let Some(links) = self.links() {
                links.add_to_topic(topic);
            }
        })?;
        Ok(out)
    }

    pub async fn application(&self, name: &str) -> Result<Application, CoreError> {
        model::decode_application(&self.get(&["public", "self-serve", "v1", "application", name]).await?)
    }

    pub async fn instances(&self, application: &str) -> Result<Vec<ApplicationInstance>, CoreError> {
        let url = self
            .endpoint
            .url_with_query(&["public", "self-serve", "v1", "application-instance"], &[("application", application)]);
        model::decode_instances(&transport::get_text(&url, &self.token, &self.options).await?)
    }

    /// Follows the pages of a v1 search until the last one or `max_pages`, handing
    /// each item to `item`. Not generic, so the paging state machine exists once.
    async fn search(
        &self,
        segments: &[&str],
        filters: &[SearchFilter<'_>],
        what: &str,
        max_pages: u32,
        item: &mut dyn FnMut(&Json) -> Result<(), String>,
    ) -> Result<Paging, CoreError> {
        let url = self.endpoint.url(segments);
        let mut paging = Paging { total_elements: None, truncated: false };
        let mut page = 1u32;
        loop {
            let mut body = String::new();
            object(
                &mut body,
                &[
                    ("page", &Number::from_u64(page.into())),
                    ("itemsPerPage", &Number::from_u64(self.options.page_size.into())),
                    ("sort", &"ByName"),
                    ("filter", &filters),
                ],
            );
            let answer = transport::post_json(&url, body, &self.token, &self.options).await?;
            let decoded = model::decode_page(&answer, what, item)?;
            paging.total_elements = decoded.total_elements;
            if page >= decoded.total_pages || decoded.items == 0 {
                return Ok(paging);
            }
            if page >= max_pages {
                paging.truncated = true;
                return Ok(paging);
            }
            page += 1;
        }
    }

    pub async fn search_topics(
        &self,
        cluster: &str,
        filters: &[SearchFilter<'_>],
        max_pages: u32,
    ) -> Result<Listing<SearchTopic>, CoreError> {
        let segments = ["public", "v1", "clusters", cluster, "topics"];
        let mut items = Vec::new();
        let mut keep = |wire: &Json| SearchTopic::decode(wire).map(|topic| items.push(topic));
        let paging = self.search(&segments, filters, "the topic search", max_pages, &mut keep).await?;
        Ok(paging.with(items))
    }

    /// A cluster's consumer groups (every page up to `maxPages`) as the JSON text of
    /// their view models, written as each page arrives.
    pub async fn consumer_groups_json(&self, cluster: &str) -> Result<(String, Paging), CoreError> {
        let segments = ["public", "v1", "clusters", cluster, "consumergroups"];
        let mut out = String::from("[");
        let mut write = |wire: &Json| {
            let mut group = ConsumerGroup::decode(wire, cluster)?;
            if let Some(links) = self.links() {
                links.add_to_group(&mut group);
            }
            json::item_separator(&mut out);
            group.write_json(&mut out);
            Ok(())
        };
        let max_pages = self.options.max_pages;
        let paging = self.search(&segments, &[], "the consumer-group search", max_pages, &mut write).await?;
        out.push(']');
        Ok((out, paging))
    }

    pub async fn topic(&self, cluster: &str, name: &str) -> Result<Topic, CoreError> {
        let body = self.get(&["public", "kafka", "v2", "cluster", cluster, "topic", name]).await?;
        model::decode_topic(&body, cluster)
    }

    pub async fn consumer_groups(
        &self,
        cluster: &str,
        filters: &[SearchFilter<'_>],
    ) -> Result<Listing<ConsumerGroup>, CoreError> {
        let segments = ["public", "v1", "clusters", cluster, "consumergroups"];
        let mut items = Vec::new();
        let mut keep = |wire: &Json| ConsumerGroup::decode(wire, cluster).map(|group| items.push(group));
        let max_pages = self.options.max_pages;
        let paging = self.search(&segments, filters, "the consumer-group search", max_pages, &mut keep).await?;
        Ok(paging.with(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    #[test]
    fn search_filters_are_consoles_shapes() {
        let filters = [
            SearchFilter::TopicName("pay\"ments"),
            SearchFilter::TopicLabel { key: "conduktor.io/application", value: "payments" },
            SearchFilter::ConsumerGroupName("payments-"),
        ];
        assert_eq!(
            json::to_string(&filters.as_slice()),
            r#"[{"type":"TopicNameFilter","contains":"pay\"ments"},{"type":"LabelsFilter","key":"conduktor.io/application","values":["payments"]},{"type":"OnConsumerGroupName","contains":"payments-"}]"#
        );
    }
}
