use serde::Serialize;
use serde_with::skip_serializing_none;

use crate::wire::group::SearchConsumerGroup;

/// A consumer group with its lag, as Console's v1 search reports it.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct ConsumerGroup {
    pub name: String,
    pub cluster: String,
    /// False when Console has not indexed the group yet: only the name is known.
    pub indexed: bool,
    /// `Stable`, `Empty`, `PreparingRebalance`, `CompletingRebalance`, `Dead` or `Unknown`.
    pub state: Option<String>,
    pub members: Option<i32>,
    /// Messages behind, summed over the group's partitions.
    pub overall_lag: Option<i64>,
    /// How far behind in time the most lagging partition is, in seconds.
    pub max_lag_seconds: Option<i64>,
    pub topics: Vec<String>,
    /// Into the Console UI; present when `consoleUrl` was given.
    pub console_link: Option<String>,
}

impl ConsumerGroup {
    pub fn from_search(wire: SearchConsumerGroup<'_>, cluster: &str) -> ConsumerGroup {
        ConsumerGroup {
            indexed: wire.is_indexed(),
            name: wire.name.into_owned(),
            cluster: cluster.to_string(),
            state: wire.state.map(String::from),
            members: wire.members,
            overall_lag: wire.overall_lag,
            max_lag_seconds: wire.max_lag_time_in_seconds,
            topics: wire.topics.into_iter().map(String::from).collect(),
            console_link: None,
        }
    }
}
