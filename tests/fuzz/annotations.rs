//! Target `fuzz_annotations`: any annotation map parses into valid, deduplicated
//! references or an `invalid-input` error with a bounded message.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use super::fuzz;
use super::gen::tricky_string;
use conduktor_card_core::annotations::{
    parse, TopicRef, APPLICATION, CLUSTERS, CONSUMER_GROUPS, KAFKA_CONSUMER_GROUPS, MAX_ENTRIES, TOPICS,
};
use conduktor_card_core::error::ErrorKind;

const KEYS: &[&str] = &[APPLICATION, TOPICS, CONSUMER_GROUPS, KAFKA_CONSUMER_GROUPS, CLUSTERS];

fn value() -> impl Strategy<Value = String> {
    let entry = prop_oneof![
        3 => ("[a-z0-9._-]{1,10}", prop_oneof![Just(""), Just("/")], "[a-zA-Z0-9._-]{0,12}", prop_oneof![Just(""), Just("*")])
            .prop_map(|(c, slash, n, star)| format!("{c}{slash}{n}{star}")),
        2 => tricky_string(),
        1 => (0usize..300).prop_map(|n| "a".repeat(n)),
    ];
    prop_oneof![
        4 => proptest::collection::vec(entry.clone(), 0..8).prop_map(|entries| entries.join(",")),
        1 => (0usize..150, entry).prop_map(|(n, e)| vec![e; n].join(",")),
        1 => (0usize..150).prop_map(|n| (0..n).map(|i| format!("c/t{i}")).collect::<Vec<_>>().join(", ")),
    ]
}

fn annotations() -> impl Strategy<Value = Vec<(String, String)>> {
    let key = prop_oneof![4 => proptest::sample::select(KEYS).prop_map(String::from), 1 => tricky_string()];
    proptest::collection::vec((key, value()), 0..6)
}

fn console_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.'))
}

fn kafka_name(name: &str) -> bool {
    name.len() <= 249 && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn unique<T: PartialEq>(list: &[T]) -> bool {
    list.iter().enumerate().all(|(i, item)| !list[..i].contains(item))
}

fn check(annotations: Vec<(String, String)>) -> Result<(), TestCaseError> {
    match parse(&annotations) {
        Err(e) => {
            prop_assert_eq!(e.kind, ErrorKind::InvalidInput);
            prop_assert!(e.message.len() < 600, "message of {} bytes", e.message.len());
        }
        Ok(refs) => {
            prop_assert!(refs.applications.iter().all(|a| console_name(a)), "{:?}", refs.applications);
            prop_assert!(refs.clusters.iter().all(|c| console_name(c)), "{:?}", refs.clusters);
            for topic in &refs.topics {
                prop_assert!(console_name(topic.cluster()), "{:?}", topic);
                match topic {
                    TopicRef::Literal { name, .. } => prop_assert!(!name.is_empty() && kafka_name(name), "{:?}", topic),
                    TopicRef::Prefix { prefix, .. } => {
                        prop_assert!(!prefix.is_empty() && kafka_name(prefix), "{:?}", topic)
                    }
                }
            }
            for group in &refs.consumer_groups {
                prop_assert!(console_name(&group.cluster), "{:?}", group);
                prop_assert!(!group.name.is_empty() && group.name.len() <= 1024, "{:?}", group);
                prop_assert!(!group.name.chars().any(char::is_control) && group.name.trim() == group.name);
            }
            prop_assert!(unique(&refs.applications) && unique(&refs.clusters));
            prop_assert!(unique(&refs.topics) && unique(&refs.consumer_groups));
            prop_assert!(refs.applications.len() <= MAX_ENTRIES && refs.clusters.len() <= MAX_ENTRIES);
            prop_assert!(refs.topics.len() <= MAX_ENTRIES && refs.consumer_groups.len() <= 2 * MAX_ENTRIES);
            // Only the first value of a repeated key counts (a JavaScript object has one).
            let first = |key: &&str| annotations.iter().find(|(k, _)| k == key).map(|(_, v)| v);
            let empty = !KEYS.iter().filter_map(first).any(|v| v.split(',').any(|e| !e.trim().is_empty()));
            prop_assert_eq!(refs.is_empty(), empty);
        }
    }
    Ok(())
}

#[test]
fn fuzz_annotations() {
    fuzz("fuzz_annotations", 300, annotations(), check);
}
