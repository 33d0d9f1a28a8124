//! The Console calls, in Rust terms: one function per endpoint, each taking a
//! validated `Call` (token, proxy endpoint, options) and returning view models.

use serde_json::{json, Value};

use crate::error::CoreError;
use crate::model::{
    self, Application, ApplicationInstance, ConsumerGroup, KafkaCluster, SearchPage, Topic, WireConsumerGroup,
    WireSearchTopic,
};
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
    pub total_elements: Option<f64>,
    pub truncated: bool,
}

impl Call {
    async fn get(&self, segments: &[&str]) -> Result<String, CoreError> {
        transport::get_text(&self.endpoint.url(segments), &self.token, &self.options).await
    }

    pub async fn clusters(&self) -> Result<Vec<KafkaCluster>, CoreError> {
        model::decode_clusters(&self.get(&["public", "console", "v2", "kafka-cluster"]).await?)
    }

    pub async fn topics(&self, cluster: &str) -> Result<Vec<Topic>, CoreError> {
        let body = self.get(&["public", "kafka", "v2", "cluster", cluster, "topic"]).await?;
        model::decode_topics(&body, cluster)
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

    /// Follows the pages of a v1 search until the last one or `max_pages`.
    async fn search<T: for<'de> serde::Deserialize<'de>>(
        &self,
        segments: &[&str],
        filter: &[Value],
        what: &str,
        max_pages: u32,
    ) -> Result<Listing<T>, CoreError> {
        let url = self.endpoint.url(segments);
        let mut listing = Listing { items: Vec::new(), total_elements: None, truncated: false };
        let mut page = 1u32;
        loop {
            let body =
                json!({ "page": page, "itemsPerPage": self.options.page_size, "sort": "ByName", "filter": filter });
            let answer = transport::post_json(&url, body.to_string(), &self.token, &self.options).await?;
            let decoded: SearchPage<T> = model::decode_page(&answer, what)?;
            let total_pages = decoded.total_pages();
            listing.total_elements = decoded.total_elements();
            let empty = decoded.data.is_empty();
            listing.items.extend(decoded.data);
            if page >= total_pages || empty {
                return Ok(listing);
            }
            if page >= max_pages {
                listing.truncated = true;
                return Ok(listing);
            }
            page += 1;
        }
    }

    pub async fn search_topics(
        &self,
        cluster: &str,
        filter: &[Value],
        max_pages: u32,
    ) -> Result<Listing<WireSearchTopic>, CoreError> {
        self.search(&["public", "v1", "clusters", cluster, "topics"], filter, "the topic search", max_pages).await
    }

    pub async fn topic(&self, cluster: &str, name: &str) -> Result<Topic, CoreError> {
        let body = self.get(&["public", "kafka", "v2", "cluster", cluster, "topic", name]).await?;
        model::decode_topic(&body, cluster)
    }

    pub async fn consumer_groups(&self, cluster: &str, filter: &[Value]) -> Result<Listing<ConsumerGroup>, CoreError> {
        let listing: Listing<WireConsumerGroup> = self
            .search(
                &["public", "v1", "clusters", cluster, "consumergroups"],
                filter,
                "the consumer-group search",
                self.options.max_pages,
            )
            .await?;
        Ok(Listing {
            items: listing.items.into_iter().map(|g| g.into_view(cluster)).collect(),
            total_elements: listing.total_elements,
            truncated: listing.truncated,
        })
    }
}
