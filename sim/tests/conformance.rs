//! Conformance: every answer the simulator gives to the operations the card uses
//! validates against that operation's schema in Console's own OpenAPI document,
//! read in place at `../shared/real-api/console-openapi-excerpt.yaml` (from the
//! repository root) — for the admin, a payments developer, an analytics engineer,
//! a user in no group and no user at all; over pages, sorts and filters; and for
//! the error answers (400, 401, 403, 404). The simulator runs with `--openapi`
//! on the same document, and its own report must list exactly the requests this
//! test breaks on purpose. Unit tests below show the check rejects broken answers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use conduktor_sim::contract::{Contract, Part, Request, Violation};
use serde_json::{json, Value};

mod common;

use common::{exchange, start, Answer, Running};

/// Console's document, relative to the repository root.
const SPEC: &str = "../shared/real-api/console-openapi-excerpt.yaml";

/// The document's file, or a message naming the missing file.
fn spec_in(root: &Path) -> Result<PathBuf, String> {
    let path = root.join(SPEC);
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "missing file {SPEC} (looked for {}): the conformance test reads Console's OpenAPI document in place, \
             from the shared/ folder beside the repository",
            path.display()
        ))
    }
}

fn spec() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the repository root");
    spec_in(root).unwrap_or_else(|missing| panic!("{missing}"))
}

fn contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    CONTRACT.get_or_init(|| Contract::load(&spec()).unwrap_or_else(|e| panic!("{e}")))
}

/// A simulator checking itself against the document, with demo and scale data.
struct Sim {
    running: Running,
    /// The contract's verdicts on every exchange so far, and the statuses seen per operation.
    violations: Vec<(String, Violation)>,
    seen: BTreeMap<String, BTreeSet<u16>>,
}

impl Sim {
    fn start() -> Sim {
        let spec = spec().display().to_string();
        let args = ["--test-controls", "--openapi", &spec, "--scale", "clusters=1,topics=2000,groups=1500"];
        Sim { running: start("conformance", &args, &[]), violations: vec![], seen: BTreeMap::new() }
    }

    fn token(&self, groups: &[&str]) -> String {
        self.running
            .token(&json!({ "email": format!("{}@example.com", groups.join("-")), "groups": groups }).to_string())
    }

    /// Sends a request and checks it and its answer against the contract.
    fn call(&mut self, token: Option<&str>, method: &str, path_and_query: &str, body: Option<Value>) -> Value {
        let header = token.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &str)> = header.iter().map(|h| ("Authorization", h.as_str())).collect();
        let body_text = body.map(|b| b.to_string());
        let answer: Answer = exchange(&self.running.address, method, path_and_query, &headers, body_text.as_deref());
        let (path, query) = path_and_query.split_once('?').map_or((path_and_query, None), |(p, q)| (p, Some(q)));
        let document_path = path.strip_prefix("/api").unwrap_or(path);
        let request = Request {
            method,
            path: document_path,
            query,
            content_type: body_text.as_ref().map(|_| "application/json"),
            body: body_text.as_deref().unwrap_or("").as_bytes(),
        };
        let response = (answer.status, answer.content_type.as_deref(), answer.body.as_bytes());
        let (operation, violations) = contract().check_exchange(&request, Some(response));
        let operation = operation.unwrap_or("no operation").to_string();
        self.seen.entry(operation.clone()).or_default().insert(answer.status);
        let label = format!("{method} {path_and_query} → {} ({operation})", answer.status);
        self.violations.extend(violations.into_iter().map(|v| (label.clone(), v)));
        serde_json::from_str(&answer.body).unwrap_or(Value::Null)
    }

    fn get(&mut self, token: Option<&str>, path: &str) -> Value {
        self.call(token, "GET", path, None)
    }

    fn names(&mut self, token: &str, path: &str) -> Vec<String> {
        let list = self.get(Some(token), path);
        list.as_array().into_iter().flatten().filter_map(|i| i["metadata"]["name"].as_str().map(String::from)).collect()
    }
}

const TOPIC_SORTS: [&str; 10] = [
    "ByName",
    "ByReplicationFactor",
    "ByNumPartition",
    "ByMessageCount",
    "ByTopicSizeByte",
    "ByCleanupPolicy",
    "ByRetentionTimes",
    "ByMinIsr",
    "ByLastActivityAt",
    "ByProduceRate",
];
const GROUP_SORTS: [&str; 5] = ["ByName", "ByState", "ByOverallLag", "ByMaxLagTimeInSeconds", "ByMembers"];

fn topic_filters() -> Vec<Value> {
    vec![
        json!([]),
        json!([{ "type": "TopicNameFilter", "contains": "payments" }]),
        json!([{ "type": "LabelsFilter", "key": "conduktor.io/application", "values": ["payments"] }]),
        json!([{ "type": "CleanupPolicyFilter", "oneOf": ["compact", "compact,delete"] }, { "type": "HideInternal" }]),
        json!([{ "type": "TagsFilter", "atLeast": ["pci"] }, { "type": "HideStream" }]),
    ]
}

fn group_filters() -> Vec<Value> {
    vec![
        json!([]),
        json!([{ "type": "OnConsumerGroupName", "contains": "payments" }]),
        json!([{ "type": "OnState", "oneOf": ["Stable", "Empty"] }]),
    ]
}

/// The v1 searches, in every sort and filter, over pages (up to three) and one
/// page past the end.
fn searches(sim: &mut Sim, token: &str, cluster: &str) {
    let topics = format!("/api/public/v1/clusters/{cluster}/topics");
    for (sort, filter) in TOPIC_SORTS.iter().zip(topic_filters().into_iter().cycle()) {
        for (page, desc) in [(1, false), (2, true), (3, false), (999, false)] {
            let body = json!({ "page": page, "itemsPerPage": 3, "sort": sort, "descSort": desc, "filter": filter });
            sim.call(Some(token), "POST", &topics, Some(body));
        }
    }
    let big = json!({ "page": 1, "itemsPerPage": 1000, "sort": "ByName" });
    sim.call(Some(token), "POST", &topics, Some(big));
    let groups = format!("/api/public/v1/clusters/{cluster}/consumergroups");
    for (sort, filter) in GROUP_SORTS.iter().zip(group_filters().into_iter().cycle()) {
        for (page, desc) in [(1, true), (2, false), (999, false)] {
            let body = json!({ "page": page, "itemsPerPage": 2, "sort": sort, "descSort": desc, "filter": filter });
            sim.call(Some(token), "POST", &groups, Some(body));
        }
    }
    sim.call(Some(token), "POST", &groups, Some(json!({ "page": 1, "itemsPerPage": 1000, "sort": "ByName" })));
}

/// Everything the card reads, as one user sees it.
fn card_reads(sim: &mut Sim, token: &str) {
    let clusters = sim.names(token, "/api/public/console/v2/kafka-cluster");
    for cluster in clusters.iter().map(String::as_str).chain(["prod-eu", "dev", "nope"]) {
        sim.get(Some(token), &format!("/api/public/console/v2/kafka-cluster/{cluster}"));
        let topics = sim.names(token, &format!("/api/public/kafka/v2/cluster/{cluster}/topic"));
        let named = topics.iter().take(5).map(String::as_str);
        for topic in named.chain(["payments.chargebacks", "click.pageviews", "nope"]) {
            sim.get(Some(token), &format!("/api/public/kafka/v2/cluster/{cluster}/topic/{topic}"));
        }
        let subjects = sim.names(token, &format!("/api/public/kafka/v2/cluster/{cluster}/subject"));
        for subject in subjects.iter().map(String::as_str).chain(["click.pageviews-value", "nope"]) {
            sim.get(Some(token), &format!("/api/public/kafka/v2/cluster/{cluster}/subject/{subject}"));
        }
        searches(sim, token, cluster);
    }
    for application in
        sim.names(token, "/api/public/self-serve/v1/application").iter().map(String::as_str).chain(["nope"])
    {
        sim.get(Some(token), &format!("/api/public/self-serve/v1/application/{application}"));
        for kind in ["application-instance", "application-group"] {
            let items = sim.names(token, &format!("/api/public/self-serve/v1/{kind}?application={application}"));
            for item in items.iter().map(String::as_str).chain(["nope"]) {
                sim.get(Some(token), &format!("/api/public/self-serve/v1/{kind}/{item}"));
            }
        }
    }
    sim.get(Some(token), "/api/public/self-serve/v1/application-instance");
    sim.get(Some(token), "/api/public/self-serve/v1/application-group");
}

const UNAUTHENTICATED_READS: [&str; 13] = [
    "console/v2/kafka-cluster",
    "console/v2/kafka-cluster/prod-eu",
    "kafka/v2/cluster/prod-eu/topic",
    "kafka/v2/cluster/prod-eu/topic/payments.orders",
    "kafka/v2/cluster/prod-eu/subject",
    "kafka/v2/cluster/prod-eu/subject/payments.orders-value",
    "self-serve/v1/application",
    "self-serve/v1/application/payments",
    "self-serve/v1/application-instance?application=payments",
    "self-serve/v1/application-instance/payments-prod",
    "self-serve/v1/application-group",
    "self-serve/v1/application-group?application=payments",
    "self-serve/v1/application-group/payments-developers",
];

/// Requests that break the document on purpose, for the 400s: the simulator's
/// report must list them, and nothing else.
fn broken_requests(sim: &mut Sim, token: &str) -> usize {
    let bodies = [
        ("topics", json!({ "page": 1, "itemsPerPage": 5, "sort": "ByLag" })),
        ("topics", json!({ "page": 1, "itemsPerPage": 5, "sort": "ByName", "filter": [{ "type": "NameFilter" }] })),
        ("topics", json!({ "page": 1, "itemsPerPage": 5, "sort": "ByName", "filter": [{ "type": "LabelsFilter" }] })),
        ("consumergroups", json!({ "page": 1, "itemsPerPage": 5, "sort": "ByMessageCount" })),
        (
            "consumergroups",
            json!({ "page": 1, "itemsPerPage": 5, "sort": "ByName", "filter": [{ "type": "OnState", "oneOf": ["Rebalancing"] }] }),
        ),
        ("consumergroups", json!({ "itemsPerPage": 5, "sort": "ByName" })),
    ];
    for (search, body) in &bodies {
        let answer =
            sim.call(Some(token), "POST", &format!("/api/public/v1/clusters/prod-eu/{search}"), Some(body.clone()));
        assert_eq!(answer["title"], "The request is not valid", "{body}");
    }
    bodies.len()
}

#[test]
fn every_answer_to_the_cards_operations_keeps_to_consoles_openapi_document() {
    let started = std::time::Instant::now();
    let mut sim = Sim::start();
    let users = [vec!["conduktor-admins"], vec!["payments-developers"], vec!["analytics-engineers"], vec!["marketing"]];
    for groups in &users {
        let token = sim.token(groups);
        card_reads(&mut sim, &token);
    }
    // No token, and one that is not a JWT: Console's 401 on every operation.
    for token in [None, Some("not-a-jwt")] {
        for path in UNAUTHENTICATED_READS {
            sim.get(token, &format!("/api/public/{path}"));
        }
        for search in ["topics", "consumergroups"] {
            let body = json!({ "page": 1, "itemsPerPage": 5, "sort": "ByName" });
            sim.call(token, "POST", &format!("/api/public/v1/clusters/prod-eu/{search}"), Some(body));
        }
    }
    let admin = sim.token(&["conduktor-admins"]);
    let deliberate = broken_requests(&mut sim, &admin);

    let (requests, broken): (Vec<_>, Vec<_>) = sim.violations.iter().partition(|(_, v)| v.part != Part::RequestBody);
    assert!(requests.is_empty(), "answers or requests off the document:\n{requests:#?}");
    assert_eq!(broken.len(), deliberate, "only the deliberately broken requests: {broken:#?}");

    // Every status each operation can give was met (403 needs a cluster the user may not see).
    let statuses = |operation: &str| sim.seen.get(operation).cloned().unwrap_or_default();
    let expected: [(&str, &[u16]); 14] = [
        ("list-kafka-cluster-resources", &[200, 401]),
        ("get-kafka-cluster-by-name", &[200, 401, 403, 404]),
        ("list-topic-resources", &[200, 401, 403, 404]),
        ("get-topic-by-name", &[200, 401, 403, 404]),
        ("list-subject-resources", &[200, 401, 403, 404]),
        ("get-subject-by-name", &[200, 401, 403, 404]),
        ("list-topic-on-a-kafka-cluster", &[200, 400, 401, 403, 404]),
        ("list-consumer-group", &[200, 400, 401, 403, 404]),
        ("list-application-resources", &[200, 401]),
        ("get-application-by-name", &[200, 401, 404]),
        ("list-application-instance-resources", &[200, 401]),
        ("get-application-instance-by-name", &[200, 401, 404]),
        ("list-application-group-resources", &[200, 401]),
        ("get-application-group-by-name", &[200, 401, 404]),
    ];
    for (operation, wanted) in expected {
        let seen = statuses(operation);
        assert!(wanted.iter().all(|s| seen.contains(s)), "{operation}: saw {seen:?}, wanted {wanted:?}");
    }
    assert!(!sim.seen.contains_key("no operation"), "every request named an operation");

    // The simulator's own checks saw the same traffic and report the same requests.
    let (status, report) = sim.running.http("GET", "/sim/conformance", &[], None);
    assert_eq!(status, 200, "{report}");
    let report: Value = serde_json::from_str(&report).expect("JSON");
    let reported = report["violations"].as_array().expect("a list");
    assert_eq!(reported.len(), deliberate, "{report:#}");
    assert!(reported.iter().all(|v| v["part"] == "request-body" && v["status"] == 400), "{report:#}");
    let checked = report["checked"].as_u64().unwrap_or(0);
    let exchanges: usize = sim.seen.values().map(BTreeSet::len).sum();
    assert!(checked as usize >= exchanges, "checked {checked}");
    assert!(!report.to_string().contains(&admin), "no token in the report");
    assert_eq!(sim.running.http("DELETE", "/sim/conformance", &[], None).0, 204);
    let (_, cleared) = sim.running.http("GET", "/sim/conformance", &[], None);
    assert!(cleared.contains("\"violations\":[]"), "{cleared}");
    eprintln!("{checked} exchanges checked against {SPEC} in {} ms", started.elapsed().as_millis());
    assert!(sim.running.stop().0);
}

// --- The check itself: broken answers and requests are caught. ---

fn operation(method: &str, path: &str) -> &'static conduktor_sim::contract::Operation {
    contract().operation(method, path).map(|(op, _)| op).unwrap_or_else(|| panic!("{method} {path} is in the document"))
}

fn topic_page() -> Value {
    json!({
        "data": [
            { "type": "IndexedTopic", "name": "payments.orders", "replicationFactor": 3, "partitionCount": 12,
              "recordCount": 5, "labels": { "team": "payments" }, "produceRate": 1, "cleanupPolicy": "delete",
              "lastActivityAt": "2026-11-29T10:00:00Z",
              "tags": [{ "id": "3f2b6c1e-9d4a-4f7b-8c2e-5a1d0e9b7c42", "name": "pci", "color": "#C0392B" }] },
            { "type": "NotIndexedTopic", "name": "payments.chargebacks" }
        ],
        "page": 1, "totalPages": 1, "perPage": 20, "totalElements": 2
    })
}

fn pointers(violations: &[Violation]) -> Vec<&str> {
    violations.iter().map(|v| v.pointer.as_str()).collect()
}

#[test]
fn a_broken_answer_is_rejected() {
    let search = operation("POST", "/public/v1/clusters/prod-eu/topics");
    assert_eq!(search.check_response_json(200, &topic_page()), vec![], "a valid page passes");
    let mut no_data = topic_page();
    no_data.as_object_mut().map(|page| page.remove("data"));
    assert_eq!(search.check_response_json(200, &no_data), vec![], "the spec makes `data` optional");

    let mut nameless = topic_page();
    nameless["data"][0].as_object_mut().map(|item| item.remove("name"));
    assert_eq!(pointers(&search.check_response_json(200, &nameless)), vec!["/data/0"], "an item without name");
    let mut no_total = topic_page();
    no_total.as_object_mut().map(|page| page.remove("totalPages"));
    let violations = search.check_response_json(200, &no_total);
    assert!(violations.iter().any(|v| v.pointer.is_empty() && v.what.contains("totalPages")), "{violations:?}");
    for (field, bad) in [
        ("labels", Value::Null),
        ("cleanupPolicy", json!("delete,compact")),
        ("lastActivityAt", json!("yesterday")),
        ("tags", json!([{ "id": "1", "name": "pci", "color": "red" }])),
        ("recordCount", json!("5")),
    ] {
        let mut broken = topic_page();
        broken["data"][0][field] = bad;
        assert_eq!(pointers(&search.check_response_json(200, &broken)), vec!["/data/0"], "{field}");
    }
    let mut bad_type = topic_page();
    bad_type["data"][1]["type"] = json!("Topic");
    assert!(!search.check_response_json(200, &bad_type).is_empty(), "an unknown item type");

    let groups = operation("POST", "/public/v1/clusters/prod-eu/consumergroups");
    let group_page = json!({ "data": [{ "type": "IndexedConsumerGroup", "name": "g", "state": "Rebalancing", "members": 1 }],
        "page": 1, "totalPages": 1, "perPage": 1, "totalElements": 1 });
    assert_eq!(pointers(&groups.check_response_json(200, &group_page)), vec!["/data/0"], "a state outside the enum");

    let cluster = operation("GET", "/public/console/v2/kafka-cluster/prod-eu");
    let answer = json!({ "apiVersion": "v2", "kind": "KafkaCluster", "metadata": { "name": "prod-eu" },
        "spec": { "displayName": "P", "bootstrapServers": "b:9092", "properties": { "sasl.jaas.config": "password=SECRET" },
                  "schemaRegistry": { "type": "ConfluentLike", "url": "https://sr", "ignoreUntrustedCertificate": false,
                                      "security": { "type": "BasicAuth", "username": "", "password": "SECRET" } } } });
    let violations = cluster.check_response_json(200, &answer);
    assert!(!violations.is_empty(), "an empty BasicAuth username breaks minLength");
    assert!(violations.iter().all(|v| !v.what.contains("SECRET")), "answers' values are masked: {violations:?}");
    assert!(!cluster.check_response_json(404, &json!({ "msg": "no title" })).is_empty(), "an error without title");
    let undocumented = cluster.check_response(418, Some("application/json"), b"{}");
    assert_eq!(undocumented[0].part, Part::ResponseStatus);
    let text = cluster.check_response(200, Some("text/html"), b"<html>");
    assert!(text.iter().any(|v| v.what.contains("Content-Type")) && text.iter().any(|v| v.what.contains("not JSON")));
}

#[test]
fn a_request_off_the_document_is_reported() {
    let check = |method: &str, path: &str, query: Option<&str>, body: &str| {
        let content_type = (!body.is_empty()).then_some("application/json");
        let request = Request { method, path, query, content_type, body: body.as_bytes() };
        contract().check_exchange(&request, None)
    };
    let search =
        r#"{"page":1,"itemsPerPage":20,"sort":"ByName","filter":[{"type":"TopicNameFilter","contains":"pay"}]}"#;
    assert_eq!(check("POST", "/public/v1/clusters/prod-eu/topics", None, search).1, vec![]);
    let (operation, violations) =
        check("POST", "/public/v1/clusters/prod-eu/topics", None, r#"{"page":1,"itemsPerPage":20,"sort":"ByLag"}"#);
    assert_eq!((operation, pointers(&violations)), (Some("list-topic-on-a-kafka-cluster"), vec!["/sort"]));
    let twice =
        r#"{"page":1,"itemsPerPage":20,"sort":"ByName","filter":[{"type":"HideInternal"},{"type":"HideInternal"}]}"#;
    assert_eq!(
        pointers(&check("POST", "/public/v1/clusters/prod-eu/topics", None, twice).1),
        vec!["/filter"],
        "uniqueItems"
    );
    assert_eq!(
        check("POST", "/public/v1/clusters/prod-eu/topics", None, "").1[0].what,
        "the required JSON body is missing"
    );
    let query = check("GET", "/public/self-serve/v1/application-instance", Some("application=Payments&x=1"), "").1;
    assert_eq!(pointers(&query), vec!["/application", "/x"], "a name outside ^[0-9a-z_\\-.]+$, an unknown parameter");
    assert_eq!(
        pointers(&check("GET", "/public/console/v2/kafka-cluster/Prod%20EU", None, "").1),
        vec!["/kafka-cluster-name"]
    );
    assert_eq!(check("DELETE", "/public/console/v2/kafka-cluster", None, "").1[0].part, Part::Operation);
    assert_eq!(
        check("GET", "/public/console/v2/kafka-cluster", None, "{}").1[0].what,
        "a body on an operation that takes none"
    );
}

#[test]
fn a_missing_document_is_named() {
    let missing = spec_in(Path::new("/nonexistent/repository")).expect_err("no such file");
    assert!(missing.contains("missing file ../shared/real-api/console-openapi-excerpt.yaml"), "{missing}");
    let error = Contract::load(Path::new("/nonexistent/docs.yaml")).err().unwrap_or_default();
    assert!(error.contains("/nonexistent/docs.yaml"), "{error}");
}
