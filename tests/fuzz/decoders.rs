//! Target `fuzz_decoders`: every answer the card reads, fed every kind of body, either
//! decodes or fails with `decode`; a list keeps every item it can read and reports
//! every other one (nothing is lost silently); what it hands on is valid JSON and never
//! carries a planted credential.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};

use super::fuzz;
use super::gen::{apply_text_edits, document, text_edit, Document};
use super::support::{block_on, client, get, post};
use conduktor_card_core::answers::Answer;
use conduktor_card_core::client::ListJson;
use conduktor_card_core::error::{CoreError, ErrorKind};
use conduktor_card_core::plan::{Fetch, TopicQuery};

/// Planted where Console keeps credentials; also the simulator's own marker.
pub const SECRET: &str = "FUZZ-SECRET-7f3a";
const SIM_SECRET: &str = "SIM-SECRET";

/// Adds Console's credential fields, holding the marker, to every object but
/// label maps (which the card shows whole, by design).
fn plant(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(plant),
        Value::Object(members) => {
            for (key, child) in members.iter_mut() {
                if key != "labels" {
                    plant(child);
                }
            }
            members.insert("properties".into(), json!({ "sasl.jaas.config": format!("password=\"{SECRET}\"") }));
            members.insert("security".into(), json!({ "type": "BasicAuth", "password": SECRET }));
            members.insert("kafkaFlavor".into(), json!({ "type": "Confluent", "secret": SECRET }));
        }
        _ => {}
    }
}

/// A body for the decoders: a mutated document, with secrets planted or not.
#[derive(Debug, Clone)]
struct Body {
    text: String,
    /// Only a body whose text was not edited after planting can be held to "no
    /// secret in the output": a cut could join a secret onto a shown string.
    secrets_checked: bool,
}

fn body() -> impl Strategy<Value = Body> {
    prop_oneof![
        2 => document().prop_map(|Document { text, text_edited }| Body { text, secrets_checked: !text_edited }),
        2 => (document(), proptest::collection::vec(text_edit(), 0..2)).prop_map(|(doc, edits)| {
            let mut value = serde_json::from_str::<Value>(&doc.text).unwrap_or(Value::Null);
            plant(&mut value);
            let mut text = value.to_string();
            apply_text_edits(&mut text, &edits);
            Body { text, secrets_checked: edits.is_empty() }
        }),
        1 => any::<String>().prop_map(|text| Body { text, secrets_checked: false }),
    ]
}

/// A `properties`, `security` or `kafkaFlavor` member outside label maps.
fn has_credential_key(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.iter().any(has_credential_key),
        Value::Object(members) => members.iter().any(|(key, child)| {
            matches!(key.as_str(), "properties" | "security" | "kafkaFlavor")
                || (key != "labels" && has_credential_key(child))
        }),
        _ => false,
    }
}

fn check_output(body: &Body, out: &str) -> Result<(), TestCaseError> {
    let parsed = serde_json::from_str::<Value>(out);
    prop_assert!(parsed.is_ok(), "invalid JSON out: {}", out);
    if body.secrets_checked {
        prop_assert!(!out.contains(SECRET) && !out.contains(SIM_SECRET), "secret in {}", out);
        prop_assert!(!has_credential_key(&parsed.unwrap_or_default()), "credential field in {}", out);
    }
    Ok(())
}

fn check_error(error: &CoreError) -> Result<(), TestCaseError> {
    prop_assert_eq!(error.kind, ErrorKind::Decode, "{}", error.message);
    prop_assert!(!error.message.contains(SECRET), "{}", error.message);
    Ok(())
}

/// A whole-list answer: decoded items plus reported ones are the array's items.
fn check_list(body: &Body, result: Result<ListJson, CoreError>) -> Result<(), TestCaseError> {
    match result {
        Ok(list) => {
            check_output(body, &list.items)?;
            let kept = serde_json::from_str::<Vec<Value>>(&list.items).map(|v| v.len()).unwrap_or(usize::MAX);
            let sent = serde_json::from_str::<Vec<&serde_json::value::RawValue>>(&body.text).map(|v| v.len());
            prop_assert_eq!(Ok(kept + list.info.problems.len()), sent.map_err(|_| ()), "items lost from {}", body.text);
            Ok(())
        }
        Err(error) => check_error(&error),
    }
}

fn check_answer(body: &Body, result: Result<Answer, CoreError>) -> Result<(), TestCaseError> {
    match result {
        Ok(Answer::Topic(topic)) => check_output(body, &serde_json::to_string(&topic).unwrap_or_default()),
        Ok(Answer::Topics(listing)) => check_output(body, &serde_json::to_string(&listing.items).unwrap_or_default()),
        Ok(Answer::Groups(listing)) => check_output(body, &serde_json::to_string(&listing.items).unwrap_or_default()),
        Ok(other) => Err(TestCaseError::fail(format!("unexpected answer {other:?}"))),
        Err(error) => check_error(&error),
    }
}

fn check_all(body: Body) -> Result<(), TestCaseError> {
    let text = body.text.as_str();
    let clusters = client(vec![get("/public/console/v2/kafka-cluster", 200, text)]);
    check_list(&body, block_on(clusters.clusters_json()))?;
    let topics = client(vec![get("/public/kafka/v2/cluster/c/topic", 200, text)]);
    check_list(&body, block_on(topics.topics_json("c")))?;
    let instances = client(vec![get("/public/self-serve/v1/application-instance?application=a", 200, text)]);
    check_list(&body, block_on(instances.instances_json("a")))?;
    let application = client(vec![get("/public/self-serve/v1/application/a", 200, text)]);
    match block_on(application.application("a")) {
        Ok(app) => check_output(&body, &serde_json::to_string(&app).unwrap_or_default())?,
        Err(error) => check_error(&error)?,
    }
    let topic = client(vec![get("/public/kafka/v2/cluster/c/topic/t", 200, text)]);
    check_answer(&body, block_on(topic.answer(&Fetch::Topic { cluster: "c".into(), name: "t".into() })))?;
    let search = client(vec![post("/public/v1/clusters/c/topics", "", 200, text)]);
    let query = TopicQuery::NameContains("t".into());
    check_answer(&body, block_on(search.answer(&Fetch::Topics { cluster: "c".into(), query })))?;
    let groups = client(vec![post("/public/v1/clusters/c/consumergroups", "", 200, text)]);
    match block_on(groups.consumer_groups_json("c")) {
        Ok(list) => check_output(&body, &list.items),
        Err(error) => check_error(&error),
    }
}

#[test]
fn fuzz_decoders() {
    fuzz("fuzz_decoders", 200, body(), check_all);
}
