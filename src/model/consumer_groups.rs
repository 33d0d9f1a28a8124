//! Consumer groups and their lag, from the v1 search
//! (`POST /public/v1/clusters/{c}/consumergroups`), the only public source.

use super::common::{decode_error, number, parse, text};
use crate::error::CoreError;
use crate::json::{object, Json, Number, ToJson};

/// One page of a v1 search (`{data, page, totalPages, perPage, totalElements}`),
/// its items already handed to the caller.
pub struct SearchPage {
    pub items: usize,
    pub total_pages: u32,
    pub total_elements: Option<Number>,
}

/// Decodes one page, handing each item of `data` to `item`.
pub fn decode_page(
    body: &str,
    what: &str,
    item: &mut dyn FnMut(&Json) -> Result<(), String>,
) -> Result<SearchPage, CoreError> {
    let page = parse(body, what)?;
    let items = page.get("data").and_then(Json::as_array).ok_or_else(|| decode_error(what, "data is not an array"))?;
    for (index, wire) in items.iter().enumerate() {
        item(wire).map_err(|why| decode_error(what, &format!("data item {index}: {why}")))?;
    }
    Ok(SearchPage {
        items: items.len(),
        total_pages: number(page.get("totalPages"))
            .map_or(1, |n| u32::try_from(n.to_u64_saturating()).unwrap_or(u32::MAX)),
        total_elements: number(page.get("totalElements")),
    })
}

/// A consumer group as the card shows it.
#[derive(Debug, PartialEq, Clone)]
pub struct ConsumerGroup {
    pub name: String,
    pub cluster: String,
    /// False for Console's `NotIndexedConsumerGroup`: only the name is known.
    pub indexed: bool,
    /// `Stable`, `Empty`, `PreparingRebalance`, `CompletingRebalance`, `Dead` or `Unknown`.
    pub state: Option<String>,
    pub members: Option<Number>,
    pub overall_lag: Option<Number>,
    pub max_lag_seconds: Option<Number>,
    pub topics: Vec<String>,
    /// The group in the Console UI, when the caller gave `consoleUrl`.
    pub console_link: Option<String>,
}

impl ConsumerGroup {
    pub fn decode(wire: &Json, cluster: &str) -> Result<ConsumerGroup, String> {
        Ok(ConsumerGroup {
            name: text(wire.get("name")).ok_or("name is not a string")?,
            cluster: cluster.to_string(),
            indexed: wire.str_at("type") != Some("NotIndexedConsumerGroup"),
            state: text(wire.get("state")),
            members: number(wire.get("members")),
            overall_lag: number(wire.get("overallLag")),
            max_lag_seconds: number(wire.get("maxLagTimeInSeconds")),
            topics: wire
                .get("topics")
                .and_then(Json::as_array)
                .unwrap_or_default()
                .iter()
                .filter_map(|t| t.as_str().map(String::from))
                .collect(),
            console_link: None,
        })
    }
}

impl ToJson for ConsumerGroup {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[
                ("name", &self.name),
                ("cluster", &self.cluster),
                ("indexed", &self.indexed),
                ("state", &self.state),
                ("members", &self.members),
                ("overallLag", &self.overall_lag),
                ("maxLagSeconds", &self.max_lag_seconds),
                ("topics", &self.topics),
                ("consoleLink", &self.console_link),
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(body: &str) -> Result<(SearchPage, Vec<ConsumerGroup>), CoreError> {
        let mut groups = Vec::new();
        let mut keep = |wire: &Json| ConsumerGroup::decode(wire, "prod-eu").map(|group| groups.push(group));
        let page = decode_page(body, "consumer groups", &mut keep)?;
        Ok((page, groups))
    }

    #[test]
    fn decodes_indexed_and_not_indexed_groups() {
        let page = groups(
            r#"{"data":[{"type":"IndexedConsumerGroup","name":"clickstream-enricher","state":"Stable","members":3,"overallLag":542,"topics":["click.pageviews",null],"maxLagTimeInSeconds":12},
                        {"type":"NotIndexedConsumerGroup","name":"adhoc"}],
                "page":1,"totalPages":3,"perPage":20,"totalElements":42}"#,
        )
        .unwrap();
        let (page, groups) = page;
        assert_eq!((page.items, page.total_pages, page.total_elements), (2, 3, Number::parse("42")));
        assert_eq!(groups[0].overall_lag, Number::parse("542"));
        assert_eq!(groups[0].topics, vec!["click.pageviews"]);
        assert!(groups[0].indexed && !groups[1].indexed);
        assert_eq!(groups[1].state, None);
        assert_eq!(
            crate::json::to_string(&groups[0]),
            r#"{"name":"clickstream-enricher","cluster":"prod-eu","indexed":true,"state":"Stable","members":3,"overallLag":542,"maxLagSeconds":12,"topics":["click.pageviews"]}"#
        );
    }

    #[test]
    fn odd_pages() {
        assert_eq!(groups(r#"{"data":[],"totalPages":-5}"#).unwrap().0.total_pages, 0);
        assert_eq!(groups(r#"{"data":[],"totalPages":1e300}"#).unwrap().0.total_pages, u32::MAX);
        assert_eq!(groups(r#"{"data":[]}"#).unwrap().0.total_pages, 1);
        for bad in [r#"{"data":null}"#, "[]", r#"{"data":[{"name":5}]}"#, r#"{"data":[1]}"#] {
            let e = groups(bad).err().expect(bad);
            assert_eq!(e.kind, crate::error::ErrorKind::Decode);
        }
    }
}
