//! From Console's bodies to the view models, through the client as the card calls
//! it: what is kept, what is never read (credentials), what is tolerated, and the
//! exact JSON the card receives.

mod support;

use conduktor_card_core::answers::Answer;
use conduktor_card_core::error::ErrorKind;
use conduktor_card_core::plan::{Fetch, TopicQuery};
use serde_json::{json, Value};
use support::{block_on, client, get, page, post};

const SECRET: &str = "sim-secret-do-not-show";
const CLUSTERS: &str = "/public/console/v2/kafka-cluster";

fn cluster_fixture() -> String {
    format!(
        r##"[
  {{"apiVersion":"v2","kind":"KafkaCluster",
    "metadata":{{"name":"prod-eu","labels":{{"env":"prod","weird":null,"n":3}}}},
    "spec":{{"displayName":"Production EU","bootstrapServers":"b1:9092,b2:9092",
      "color":"#E74C3C","icon":"kafka","ignoreUntrustedCertificate":false,
      "properties":{{"sasl.jaas.config":"password=\"{SECRET}\""}},
      "schemaRegistry":{{"type":"ConfluentLike","url":"https://sr:{SECRET}@sr.prod:8081",
        "security":{{"type":"BasicAuth","username":"sr","password":"{SECRET}"}}}},
      "kafkaFlavor":{{"type":"Confluent","key":"k","secret":"{SECRET}"}},
      "futureField":{{"x":1}}}}}},
  {{"apiVersion":"v2","kind":"KafkaCluster","metadata":{{"name":"dev"}},
    "spec":{{"displayName":"","bootstrapServers":"localhost:9092","color":"red;background:url(x)"}}}}
]"##
    )
}

fn clusters(body: &str) -> Result<(Value, Value), conduktor_card_core::CoreError> {
    let list = block_on(client(vec![get(CLUSTERS, 200, body)]).clusters_json())?;
    let info = serde_json::to_value(&list.info).unwrap();
    Ok((serde_json::from_str(&list.items).unwrap(), info))
}

#[test]
fn clusters_are_display_safe_and_credentials_never_read() {
    let (items, info) = clusters(&cluster_fixture()).unwrap();
    assert_eq!(
        items,
        json!([
            {"name":"prod-eu","displayName":"Production EU","bootstrapServers":"b1:9092,b2:9092","color":"#E74C3C",
             "icon":"kafka","labels":{"env":"prod"},"schemaRegistry":{"type":"ConfluentLike","url":"https://sr.prod:8081"}},
            {"name":"dev","displayName":"dev","bootstrapServers":"localhost:9092","labels":{}}
        ])
    );
    assert_eq!(info, json!({"truncated": false, "problems": []}));
    let text = items.to_string();
    assert!(
        !text.contains(SECRET)
            && !text.contains("properties")
            && !text.contains("security")
            && !text.contains("kafkaFlavor")
    );
}

#[test]
fn a_body_that_is_not_a_list_fails_and_an_odd_item_is_left_out_with_a_problem() {
    for body in ["", "{}", "null", "[1,"] {
        let error = clusters(body).expect_err(body);
        assert_eq!(error.kind, ErrorKind::Decode, "{body}");
        assert!(error.message.starts_with("the cluster list is not what Conduktor Console sends"), "{}", error.message);
    }
    let page = clusters("<!doctype html><html><body>Conduktor</body></html>").expect_err("a web page");
    assert_eq!(page.kind, ErrorKind::Decode);
    assert!(
        page.message.contains("a web page instead of its API") && page.message.contains("/api"),
        "{}",
        page.message
    );
    let (items, info) =
        clusters(r#"[{}, {"metadata":{"name":1},"spec":{}}, {"metadata":{"name":"ok"},"spec":{}}, 7]"#).unwrap();
    assert_eq!(items.as_array().unwrap().len(), 1, "{items}");
    let problems = info["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 3);
    assert_eq!(problems[0]["kind"], "decode");
    assert_eq!(problems[0]["resource"], "item 0 of the cluster list");
    assert!(problems[1]["message"]
        .as_str()
        .unwrap()
        .contains("item 1 of the cluster list is not what Conduktor Console sends"));
}

const TOPIC: &str = r#"{"apiVersion":"v2","kind":"Topic",
  "metadata":{"name":"click.pageviews","cluster":"prod-eu",
    "labels":{"conduktor.io/application":"clickstream-app","conduktor.io/application-instance":"clickstream-prod","n":null},
    "catalogVisibility":"PUBLIC","descriptionIsEditable":true,"description":"Raw page views","sqlStorage":{"retentionTimeInSecond":1}},
  "spec":{"partitions":6,"replicationFactor":3,"configs":{"cleanup.policy":"delete","retention.ms":"604800000","min.insync.replicas":"2"}}}"#;

fn answer(routes: Vec<support::Route>, fetch: Fetch) -> Answer {
    block_on(client(routes).answer(&fetch)).unwrap()
}

#[test]
fn a_topic_resource_keeps_owner_and_configs_numbers_read_from_strings() {
    let Answer::Topic(topic) = answer(
        vec![get("/public/kafka/v2/cluster/prod-eu/topic/click.pageviews", 200, TOPIC)],
        Fetch::Topic { cluster: "prod-eu".into(), name: "click.pageviews".into() },
    ) else {
        panic!("a topic")
    };
    assert_eq!(
        serde_json::to_value(&*topic).unwrap(),
        json!({"name":"click.pageviews","cluster":"prod-eu","indexed":true,"partitions":6,"replicationFactor":3,
               "cleanupPolicy":"delete","retentionMs":604800000,"minInsyncReplicas":2,"description":"Raw page views",
               "catalogVisibility":"PUBLIC",
               "labels":{"conduktor.io/application":"clickstream-app","conduktor.io/application-instance":"clickstream-prod"},
               "ownerApplication":"clickstream-app","ownerInstance":"clickstream-prod"})
    );
}

#[test]
fn topic_lists_tolerate_nulls_and_odd_fields() {
    let body = r#"[{"metadata":{"name":"a","cluster":null,"labels":null},"spec":null},
                  {"metadata":{"name":"b"},"spec":{"partitions":"x","configs":{"retention.ms":null}}},
                  {"metadata":{}}]"#;
    let list = block_on(client(vec![get("/public/kafka/v2/cluster/dev/topic", 200, body)]).topics_json("dev")).unwrap();
    let items: Value = serde_json::from_str(&list.items).unwrap();
    assert_eq!(
        items,
        json!([{"name":"a","cluster":"dev","indexed":true,"labels":{}},{"name":"b","cluster":"dev","indexed":true,"labels":{}}])
    );
    assert_eq!(list.info.problems.len(), 1, "a topic without a name is left out and said");
    assert_eq!(list.info.problems[0].cluster.as_deref(), Some("dev"));
}

#[test]
fn search_items_carry_metrics_tags_and_int64_counts_exactly() {
    let items = [
        r##"{"type":"IndexedTopic","name":"click.pageviews","recordCount":9007199254740993,"topicSize":1024,
             "produceRate":12.5,"lastActivityAt":"2026-11-29T10:00:00Z","partitionCount":6,"replicationFactor":3,
             "retentionInMs":-1,"minIsr":2,"cleanupPolicy":"compact,delete",
             "labels":{"conduktor.io/application":"clickstream-app"},
             "tags":[{"id":"6f1c","name":"pii","color":"#ff0000"},{"id":"x","name":"odd","color":"url(x)"},{"id":"y"}]}"##,
        r#"{"type":"NotIndexedTopic","name":"click.new"}"#,
    ];
    let Answer::Topics(listing) = answer(
        vec![post("/public/v1/clusters/prod-eu/topics", "TopicNameFilter", 200, &page(&items))],
        Fetch::Topics { cluster: "prod-eu".into(), query: TopicQuery::NameContains("click.".into()) },
    ) else {
        panic!("topics")
    };
    let json = serde_json::to_string(&listing.items).unwrap();
    assert!(json.contains(r#""recordCount":9007199254740993"#), "int64 kept exactly: {json}");
    assert_eq!(
        serde_json::to_value(&listing.items[0].tags).unwrap(),
        json!([{"id":"6f1c","name":"pii","color":"#ff0000"},{"id":"x","name":"odd"}]),
        "a tag without a name is dropped, a colour that is not hex left out"
    );
    assert_eq!((listing.items[0].retention_ms, listing.items[0].produce_rate), (Some(-1), Some(12.5)));
    assert_eq!(listing.items[0].owner_application.as_deref(), Some("clickstream-app"));
    assert_eq!(
        serde_json::to_value(&listing.items[1]).unwrap(),
        json!({"name":"click.new","cluster":"prod-eu","indexed":false,"labels":{}}),
        "a topic Console has not indexed is kept by name"
    );
}

#[test]
fn consumer_group_pages_are_followed_and_odd_pages_tolerated() {
    let path = "/public/v1/clusters/prod-eu/consumergroups";
    let first = r#"{"data":[{"type":"IndexedConsumerGroup","name":"clickstream-enricher","state":"Stable","members":3,
        "overallLag":542,"topics":["click.pageviews",null],"maxLagTimeInSeconds":12},
        {"type":"NotIndexedConsumerGroup","name":"adhoc"}],"page":1,"totalPages":2,"perPage":2,"totalElements":3}"#;
    let second = r#"{"data":[{"name":5},{"name":"z"}],"page":2,"totalPages":2,"perPage":2,"totalElements":3}"#;
    let c = client(vec![post(path, r#""page":1"#, 200, first), post(path, r#""page":2"#, 200, second)]);
    let list = block_on(c.consumer_groups_json("prod-eu")).unwrap();
    let items: Value = serde_json::from_str(&list.items).unwrap();
    assert_eq!(
        items,
        json!([
            {"name":"clickstream-enricher","cluster":"prod-eu","indexed":true,"state":"Stable","members":3,"overallLag":542,
             "maxLagSeconds":12,"topics":["click.pageviews"]},
            {"name":"adhoc","cluster":"prod-eu","indexed":false,"topics":[]},
            {"name":"z","cluster":"prod-eu","indexed":true,"topics":[]}
        ])
    );
    assert_eq!((list.info.truncated, list.info.total_elements, list.info.problems.len()), (false, Some(3), 1));
    let empty = block_on(
        client(vec![post(path, "", 200, r#"{"page":1,"totalPages":1,"perPage":100,"totalElements":0}"#)])
            .consumer_groups_json("prod-eu"),
    )
    .unwrap();
    assert_eq!(empty.items, "[]", "a page without data is an empty page");
    for bad in [r#"{"data":{}}"#, "[]", r#"{"data":[1,"#] {
        let error = block_on(client(vec![post(path, "", 200, bad)]).consumer_groups_json("prod-eu")).expect_err(bad);
        assert_eq!(error.kind, ErrorKind::Decode, "{bad}");
    }
}

#[test]
fn applications_and_instances() {
    let application = r#"{"apiVersion":"v1","kind":"Application","metadata":{"name":"clickstream-app"},
        "spec":{"title":"Clickstream","owner":"team-analytics","policyRef":["x"]}}"#;
    let c = client(vec![get("/public/self-serve/v1/application/clickstream-app", 200, application)]);
    let app = block_on(c.application("clickstream-app")).unwrap();
    assert_eq!((app.title.as_str(), app.owner.as_deref()), ("Clickstream", Some("team-analytics")));
    let bare =
        client(vec![get("/public/self-serve/v1/application/a", 200, r#"{"metadata":{"name":"a"},"spec":null}"#)]);
    assert_eq!(block_on(bare.application("a")).unwrap().title, "a");

    let instances = r#"[{"apiVersion":"v1","kind":"ApplicationInstance",
         "metadata":{"name":"clickstream-prod","application":"clickstream-app","labels":{"env":"prod"}},
         "spec":{"cluster":"prod-eu","serviceAccount":"sa","resources":[
           {"type":"TOPIC","name":"click.","patternType":"PREFIXED","ownershipMode":"ALL"},
           {"type":"CONSUMER_GROUP","name":"click-enricher","patternType":"LITERAL"},
           {"type":"CONNECTOR","name":"click.","patternType":"PREFIXED","connectCluster":"connect-main"},
           {"type":null,"name":"broken"}]}}]"#;
    let c = client(vec![get("/public/self-serve/v1/application-instance?application=clickstream-app", 200, instances)]);
    let Answer::Instances(listing) = block_on(c.answer(&Fetch::Instances("clickstream-app".into()))).unwrap() else {
        panic!("instances")
    };
    let instance = &listing.items[0];
    assert_eq!(instance.cluster.as_deref(), Some("prod-eu"));
    assert_eq!(instance.resources.len(), 3, "entries without a type are skipped");
    assert!(instance.resources[0].matches("TOPIC", "click.pageviews"));
    assert!(!instance.resources[0].matches("TOPIC", "clicks"));
    assert!(instance.resources[1].matches("CONSUMER_GROUP", "click-enricher"));
    assert!(!instance.resources[1].matches("CONSUMER_GROUP", "click-enricher-2"));
    assert_eq!(instance.resources[1].ownership_mode, "ALL", "Console's default");
}
