//! Consumer groups and their lag, from the v1 search
//! (`POST /public/v1/clusters/{c}/consumergroups`), the only public source.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{decode_error, number, text};
use crate::error::CoreError;

/// One page of a v1 search: `{data, page, totalPages, perPage, totalElements}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchPage<T> {
    pub data: Vec<T>,
    #[serde(default)]
    pub total_pages: Option<Value>,
    #[serde(default)]
    pub total_elements: Option<Value>,
}

impl<T> SearchPage<T> {
    pub fn total_pages(&self) -> u32 {
        self.total_pages.as_ref().and_then(number).map_or(1, |n| n.clamp(0.0, f64::from(u32::MAX)) as u32)
    }

    pub fn total_elements(&self) -> Option<f64> {
        self.total_elements.as_ref().and_then(number)
    }
}

pub fn decode_page<T: for<'de> Deserialize<'de>>(body: &str, what: &str) -> Result<SearchPage<T>, CoreError> {
    serde_json::from_str(body).map_err(|e| decode_error(what, &e))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireConsumerGroup {
    name: String,
    #[serde(rename = "type", default)]
    kind: Option<Value>,
    #[serde(default)]
    state: Option<Value>,
    #[serde(default)]
    members: Option<Value>,
    #[serde(default)]
    overall_lag: Option<Value>,
    #[serde(default)]
    max_lag_time_in_seconds: Option<Value>,
    #[serde(default)]
    topics: Option<Vec<Value>>,
}

/// A consumer group as the card shows it.
#[derive(Debug, Serialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ConsumerGroup {
    pub name: String,
    pub cluster: String,
    /// False for Console's `NotIndexedConsumerGroup`: only the name is known.
    pub indexed: bool,
    /// `Stable`, `Empty`, `PreparingRebalance`, `CompletingRebalance`, `Dead` or `Unknown`.
    pub state: Option<String>,
    pub members: Option<f64>,
    pub overall_lag: Option<f64>,
    pub max_lag_seconds: Option<f64>,
    pub topics: Vec<String>,
}

impl WireConsumerGroup {
    pub fn into_view(self, cluster: &str) -> ConsumerGroup {
        ConsumerGroup {
            indexed: self.kind.as_ref().and_then(Value::as_str) != Some("NotIndexedConsumerGroup"),
            name: self.name,
            cluster: cluster.to_string(),
            state: text(self.state),
            members: self.members.as_ref().and_then(number),
            overall_lag: self.overall_lag.as_ref().and_then(number),
            max_lag_seconds: self.max_lag_time_in_seconds.as_ref().and_then(number),
            topics: self.topics.unwrap_or_default().into_iter().filter_map(|t| text(Some(t))).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_indexed_and_not_indexed_groups() {
        let page: SearchPage<WireConsumerGroup> = decode_page(
            r#"{"data":[{"type":"IndexedConsumerGroup","name":"clickstream-enricher","state":"Stable","members":3,"overallLag":542,"topics":["click.pageviews",null],"maxLagTimeInSeconds":12},
                        {"type":"NotIndexedConsumerGroup","name":"adhoc"}],
                "page":1,"totalPages":3,"perPage":20,"totalElements":42}"#,
            "consumer groups",
        )
        .unwrap();
        assert_eq!((page.total_pages(), page.total_elements()), (3, Some(42.0)));
        let groups: Vec<ConsumerGroup> = page.data.into_iter().map(|g| g.into_view("prod-eu")).collect();
        assert_eq!(groups[0].overall_lag, Some(542.0));
        assert_eq!(groups[0].topics, vec!["click.pageviews"]);
        assert!(groups[0].indexed && !groups[1].indexed);
        assert_eq!(groups[1].state, None);
    }

    #[test]
    fn odd_pages() {
        let page: SearchPage<WireConsumerGroup> = decode_page(r#"{"data":[],"totalPages":-5}"#, "x").unwrap();
        assert_eq!(page.total_pages(), 0);
        let page: SearchPage<WireConsumerGroup> = decode_page(r#"{"data":[],"totalPages":1e300}"#, "x").unwrap();
        assert_eq!(page.total_pages(), u32::MAX);
        assert!(decode_page::<WireConsumerGroup>(r#"{"data":null}"#, "x").is_err());
        assert!(decode_page::<WireConsumerGroup>("[]", "x").is_err());
    }
}
