use serde::Serialize;
use serde_with::skip_serializing_none;

use super::{Application, ApplicationInstance, ConsumerGroup, KafkaCluster, Topic};
use crate::error::{CoreError, ErrorKind};

/// A failure about one resource, shown beside the data that loaded.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct Problem {
    pub kind: ErrorKind,
    pub status: Option<u16>,
    pub message: String,
    /// The cluster the problem is about, when it is about one.
    pub cluster: Option<String>,
    /// What was asked, in the annotations' own words: `topic payments.orders`,
    /// `topics payments.*`, `consumer group payments-processor`, `application payments`,
    /// `cluster prod-eu`.
    pub resource: Option<String>,
}

impl Problem {
    pub fn from_error(error: &CoreError, cluster: Option<&str>, resource: Option<String>) -> Problem {
        Problem {
            kind: error.kind,
            status: error.status,
            message: error.message.clone(),
            cluster: cluster.map(String::from),
            resource,
        }
    }
}

/// A search that stopped at `maxPages`: "showing the first `shown` of `total`".
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct Truncation {
    pub cluster: String,
    /// What was searched, in the annotations' own words (`topics payments.*`).
    pub what: String,
    pub shown: u32,
    pub total: Option<i64>,
}

/// A self-service application the entity names, with its instances.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct ApplicationOverview {
    pub name: String,
    /// Absent when it could not be read (see `problems`).
    pub application: Option<Application>,
    pub instances: Vec<ApplicationInstance>,
}

/// Everything the card shows for one entity.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EntityOverview {
    /// False when the entity has no Conduktor annotation: `clusters` then lists every
    /// cluster the user may see.
    pub annotated: bool,
    pub clusters: Vec<KafkaCluster>,
    pub topics: Vec<Topic>,
    pub consumer_groups: Vec<ConsumerGroup>,
    pub applications: Vec<ApplicationOverview>,
    pub problems: Vec<Problem>,
    pub truncations: Vec<Truncation>,
}

/// What the list functions say about their list, as properties of the returned array.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct ListInfo {
    /// True when a paged search stopped at `maxPages` before its last page.
    pub truncated: bool,
    /// How many items Console has, when it says (v1 searches).
    pub total_elements: Option<i64>,
    /// Items left out because they were not what Console sends, each with its index.
    pub problems: Vec<Problem>,
}

impl Problem {
    /// An item left out of `what` because it did not read.
    pub fn from_dropped(dropped: &crate::decode::Dropped, what: &str, cluster: Option<&str>) -> Problem {
        Problem {
            kind: ErrorKind::Decode,
            status: None,
            message: dropped.describe(what),
            cluster: cluster.map(String::from),
            resource: Some(format!("item {} of {what}", dropped.index)),
        }
    }
}
