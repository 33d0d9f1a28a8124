//! Target `fuzz_decoders`: every decoder, fed every kind of body, either decodes or
//! says `decode`; what it decodes is valid JSON and never carries a planted secret.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};

use super::fuzz;
use super::gen::{apply_text_edits, document, text_edit, Document};
use crate::error::{CoreError, ErrorKind};
use crate::json::{to_string, ToJson};
use crate::model::{
    decode_application, decode_clusters, decode_instances, decode_page, decode_topic, decode_topics, ConsumerGroup,
    SearchTopic,
};

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

fn check<T: ToJson>(body: &Body, result: Result<&T, &CoreError>) -> Result<(), TestCaseError> {
    match result {
        Ok(decoded) => {
            let out = to_string(decoded);
            let parsed = serde_json::from_str::<Value>(&out);
            prop_assert!(parsed.is_ok(), "invalid JSON out: {}", out);
            if body.secrets_checked {
                prop_assert!(!out.contains(SECRET) && !out.contains(SIM_SECRET), "secret in {}", out);
                prop_assert!(!has_credential_key(&parsed.unwrap_or_default()), "credential field in {}", out);
            }
        }
        Err(e) => prop_assert_eq!(e.kind, ErrorKind::Decode, "{}", e.message),
    }
    Ok(())
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

fn check_all(body: Body) -> Result<(), TestCaseError> {
    let text = body.text.as_str();
    check(&body, decode_clusters(text).as_ref())?;
    check(&body, decode_topics(text, "c").as_ref())?;
    check(&body, decode_topic(text, "c").as_ref())?;
    check(&body, decode_application(text).as_ref())?;
    check(&body, decode_instances(text).as_ref())?;
    let mut groups = Vec::new();
    let page = decode_page(text, "the page", &mut |wire| {
        groups.push(ConsumerGroup::decode(wire, "c")?);
        Ok(())
    });
    check(&body, page.as_ref().map(|_| &groups))?;
    let mut topics = Vec::new();
    let page = decode_page(text, "the page", &mut |wire| {
        topics.push(SearchTopic::decode(wire)?.into_topic("c"));
        Ok(())
    });
    check(&body, page.as_ref().map(|_| &topics))
}

#[test]
fn fuzz_decoders() {
    fuzz("fuzz_decoders", 200, body(), check_all);
}
