//! The Terraform provider's recorded Console bodies (Console 1.45, in
//! `../shared/real-api/tf-testdata/`, read in place and never copied here) through the
//! core's decoders, as the card calls them: what the card shows is kept, and none of
//! the credentials those bodies carry (`properties`, schema-registry `security`,
//! `kafkaFlavor`) comes out.

mod support;

use std::path::PathBuf;

use serde_json::{json, Value};
use support::{block_on, client, get};

fn recorded(file: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/real-api/tf-testdata").join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("missing file {}: the Terraform provider's recorded bodies, read in place ({e})", path.display())
    })
}

/// The strings of a recorded body, split into those under a credential member and the rest.
fn strings(value: &Value, under_credential: bool, secrets: &mut Vec<String>, shown: &mut Vec<String>) {
    match value {
        Value::String(text) if under_credential => secrets.push(text.clone()),
        Value::String(text) => shown.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, under_credential, secrets, shown)),
        Value::Object(members) => {
            for (key, child) in members {
                let credential = under_credential || matches!(key.as_str(), "properties" | "security" | "kafkaFlavor");
                strings(child, credential, secrets, shown);
            }
        }
        _ => {}
    }
}

fn assert_no_credentials(body: &str, out: &str) {
    let (mut secrets, mut shown) = (Vec::new(), Vec::new());
    strings(&serde_json::from_str(body).unwrap(), false, &mut secrets, &mut shown);
    // A credential value that is also part of a shown value ("cluster" in "cluster-name") says nothing.
    secrets.retain(|secret| secret.len() >= 4 && !shown.iter().any(|text| text.contains(secret.as_str())));
    for secret in secrets {
        assert!(!out.contains(&secret), "{secret:?} from a credential reached the output: {out}");
    }
    for key in ["properties", "security", "kafkaFlavor", "sasl", "password"] {
        assert!(!out.contains(key), "{key} in {out}");
    }
}

fn cluster(file: &str, has_credentials: bool) -> Value {
    let body = recorded(file);
    let list =
        block_on(client(vec![get("/public/console/v2/kafka-cluster", 200, &format!("[{body}]"))]).clusters_json())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(list.info.problems.is_empty(), "{file}: {:?}", list.info.problems);
    assert_eq!(body.contains("\"properties\""), has_credentials, "{file}");
    assert_no_credentials(&body, &list.items);
    serde_json::from_str::<Value>(&list.items).unwrap()[0].clone()
}

#[test]
fn recorded_clusters_keep_what_the_card_shows_and_no_credential() {
    assert_eq!(
        cluster("kafka_cluster_v2_api_confluent.json", true),
        json!({"name":"cluster-name","displayName":"Cluster display name","bootstrapServers":"localhost:9092",
               "color":"#000000","icon":"kafka","labels":{"key1":"value1"},
               "schemaRegistry":{"type":"ConfluentLike","url":"http://localhost:8080"}})
    );
    let aws = cluster("kafka_cluster_v2_api_aws.json", true);
    assert_eq!(aws["schemaRegistry"], json!({"type":"Glue"}), "Glue has a region, no URL");
    assert_eq!(aws["displayName"], "MSK Cluster display name");
    assert_eq!(
        cluster("kafka_cluster_v2_api_minimal.json", false),
        json!({"name":"cluster-minimal","displayName":"Minimal Cluster display name","bootstrapServers":"localhost:9092","labels":{}})
    );
}

#[test]
fn a_recorded_topic_keeps_its_owner_and_configs() {
    let body = recorded("topic_v2_api.json");
    let list = block_on(
        client(vec![get("/public/kafka/v2/cluster/cluster/topic", 200, &format!("[{body}]"))]).topics_json("cluster"),
    )
    .unwrap();
    let topic = &serde_json::from_str::<Value>(&list.items).unwrap()[0];
    let source: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(topic["name"], "topic");
    assert_eq!(topic["ownerApplication"], "test-app");
    assert_eq!(topic["ownerInstance"], "test-app-instance");
    assert_eq!(topic["catalogVisibility"], "PRIVATE");
    assert_eq!(topic["partitions"], source["spec"]["partitions"]);
    assert_eq!(topic["replicationFactor"], source["spec"]["replicationFactor"]);
    if let Some(policy) = source["spec"]["configs"]["cleanup.policy"].as_str() {
        assert_eq!(topic["cleanupPolicy"], policy);
    }
    assert_eq!(topic["labels"]["data-criticality"], "C0");
}

#[test]
fn a_recorded_application_and_instance() {
    let c =
        client(vec![get("/public/self-serve/v1/application/application", 200, &recorded("application_v1_api.json"))]);
    let application = block_on(c.application("application")).unwrap();
    assert_eq!(
        serde_json::to_value(&application).unwrap(),
        json!({"name":"application","title":"application title","owner":"application owner","description":"application description","labels":{}})
    );
    let body = recorded("application_instance_v1_api.json");
    let c = client(vec![get("/public/self-serve/v1/application-instance?application=app", 200, &format!("[{body}]"))]);
    let list = block_on(c.instances_json("app")).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&list.items).unwrap(),
        json!([{"name":"appinstance","application":"app","cluster":"cluster","serviceAccount":"serviceaccount","labels":{},
                "resources":[
                  {"type":"CONSUMER_GROUP","name":"resource-2","patternType":"PREFIXED","connectCluster":"connectCluster","ownershipMode":"LIMITED"},
                  {"type":"TOPIC","name":"resource-1","patternType":"LITERAL","connectCluster":"connectCluster","ownershipMode":"ALL"}]}])
    );
}
