//! The HTTP requests of Console's API the card uses, described as data: the method,
//! the URL under the proxy endpoint and the JSON body. The transport sends them.

use serde::Serialize;

use crate::endpoint::Endpoint;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    /// Console's v1 searches, which only read.
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    /// A JSON body (the POSTs).
    pub body: Option<String>,
}

impl HttpRequest {
    fn get(url: String) -> HttpRequest {
        HttpRequest { method: Method::Get, url, body: None }
    }
}

/// `GET /public/console/v2/kafka-cluster`: the clusters the user may see.
pub fn clusters(endpoint: &Endpoint) -> HttpRequest {
    HttpRequest::get(endpoint.url(&["public", "console", "v2", "kafka-cluster"]))
}

/// `GET /public/kafka/v2/cluster/{cluster}/topic`: every topic of a cluster.
pub fn topics(endpoint: &Endpoint, cluster: &str) -> HttpRequest {
    HttpRequest::get(endpoint.url(&["public", "kafka", "v2", "cluster", cluster, "topic"]))
}

/// `GET /public/kafka/v2/cluster/{cluster}/topic/{name}`.
pub fn topic(endpoint: &Endpoint, cluster: &str, name: &str) -> HttpRequest {
    HttpRequest::get(endpoint.url(&["public", "kafka", "v2", "cluster", cluster, "topic", name]))
}

/// `GET /public/self-serve/v1/application/{name}`.
pub fn application(endpoint: &Endpoint, name: &str) -> HttpRequest {
    HttpRequest::get(endpoint.url(&["public", "self-serve", "v1", "application", name]))
}

/// `GET /public/self-serve/v1/application-instance?application={name}`.
pub fn instances(endpoint: &Endpoint, application: &str) -> HttpRequest {
    HttpRequest::get(
        endpoint
            .url_with_query(&["public", "self-serve", "v1", "application-instance"], &[("application", application)]),
    )
}

/// Which v1 search, on which cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Search<'a> {
    Topics(&'a str),
    ConsumerGroups(&'a str),
}

/// A filter of Console's v1 searches (`TopicListFilter`, `ConsumerGroupFilter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
pub enum SearchFilter<'a> {
    #[serde(rename = "TopicNameFilter")]
    TopicName { contains: &'a str },
    #[serde(rename = "LabelsFilter")]
    TopicLabel { key: &'a str, values: [&'a str; 1] },
    #[serde(rename = "OnConsumerGroupName")]
    ConsumerGroupName { contains: &'a str },
}

/// `TopicListRequest` / `ConsumerGroupRequest`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchBody<'a> {
    page: u32,
    items_per_page: u32,
    sort: &'static str,
    filter: &'a [SearchFilter<'a>],
}

/// `POST /public/v1/clusters/{cluster}/{topics|consumergroups}`: one page, by name.
pub fn search(endpoint: &Endpoint, search: Search, filters: &[SearchFilter], page: u32, page_size: u32) -> HttpRequest {
    let (cluster, resource) = match search {
        Search::Topics(cluster) => (cluster, "topics"),
        Search::ConsumerGroups(cluster) => (cluster, "consumergroups"),
    };
    let body = SearchBody { page, items_per_page: page_size, sort: "ByName", filter: filters };
    HttpRequest {
        method: Method::Post,
        url: endpoint.url(&["public", "v1", "clusters", cluster, resource]),
        // Serialising these plain structs cannot fail.
        body: serde_json::to_string(&body).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_bodies_are_consoles_shapes() {
        let endpoint = Endpoint::parse(Some("/api/proxy".into()), None).unwrap();
        let filters = [
            SearchFilter::TopicName { contains: "pay\"ments" },
            SearchFilter::TopicLabel { key: "conduktor.io/application", values: ["payments"] },
            SearchFilter::ConsumerGroupName { contains: "payments-" },
        ];
        let request = search(&endpoint, Search::Topics("prod eu"), &filters, 2, 100);
        assert_eq!(request.method, Method::Post);
        assert_eq!(request.url, "/api/proxy/conduktor/public/v1/clusters/prod%20eu/topics");
        assert_eq!(
            request.body.as_deref(),
            Some(
                r#"{"page":2,"itemsPerPage":100,"sort":"ByName","filter":[{"type":"TopicNameFilter","contains":"pay\"ments"},{"type":"LabelsFilter","key":"conduktor.io/application","values":["payments"]},{"type":"OnConsumerGroupName","contains":"payments-"}]}"#
            )
        );
        assert_eq!(
            instances(&endpoint, "a&b").url,
            "/api/proxy/conduktor/public/self-serve/v1/application-instance?application=a%26b"
        );
    }
}
