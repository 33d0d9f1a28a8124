//! The public API over HTTP: RBAC filtering, 403 and 404, paging and sorting of
//! the v1 searches, subjects by name, the OpenAPI document and CORS.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::http::{HeaderValue, Method};
use serde_json::{json, Value};

use super::{names, serve, simulator, Sim};
use crate::router::router;
use crate::state::test_app_state;

#[tokio::test]
async fn two_users_see_what_their_groups_allow() {
    let (sim, _) = simulator(false).await;
    let payments = sim.token_for("pay@example.com", &["payments-developers", "unmapped"]).await;
    let analytics = sim.token_for("ana@example.com", &["analytics-engineers"]).await;
    let admin = sim.token_for("root@example.com", &["conduktor-admins"]).await;
    let nobody = sim.token_for("new@example.com", &[]).await;
    let clusters = "/api/public/console/v2/kafka-cluster";
    assert_eq!(names(&sim.get(clusters, Some(&payments)).await.json()), vec!["prod-eu", "staging"]);
    assert_eq!(names(&sim.get(clusters, Some(&analytics)).await.json()), vec!["prod-eu"], "regex mapping");
    assert_eq!(names(&sim.get(clusters, Some(&admin)).await.json()), vec!["prod-eu", "staging", "dev"]);
    assert_eq!(sim.get(clusters, Some(&nobody)).await.json(), json!([]), "no group, nothing");
    let topics = "/public/kafka/v2/cluster/prod-eu/topic";
    assert_eq!(
        names(&sim.get(topics, Some(&payments)).await.json()),
        vec!["payments.orders", "payments.refunds", "payments.ledger"]
    );
    assert_eq!(
        names(&sim.get(topics, Some(&analytics)).await.json()),
        vec!["click.pageviews", "click.sessions", "inventory.stock"]
    );
    assert_eq!(names(&sim.get(topics, Some(&admin)).await.json()).len(), 6);
}

#[tokio::test]
async fn forbidden_names_are_403_and_unknown_ones_404() {
    let (sim, _) = simulator(false).await;
    let payments = sim.token_for("pay@example.com", &["payments-developers"]).await;
    let insufficient = json!({ "title": "The user doesn't have sufficient privilege to do this operation" });
    let cases = [
        ("/api/public/console/v2/kafka-cluster/dev", 403, insufficient.clone()),
        ("/api/public/kafka/v2/cluster/prod-eu/topic/click.pageviews", 403, insufficient.clone()),
        ("/api/public/kafka/v2/cluster/prod-eu/subject/click.pageviews-value", 403, insufficient.clone()),
        ("/api/public/kafka/v2/cluster/dev/topic", 403, insufficient),
        (
            "/api/public/console/v2/kafka-cluster/nope",
            404,
            json!({ "title": "No kafka-cluster with this technical id exists" }),
        ),
        ("/api/public/kafka/v2/cluster/nope/topic", 404, json!({ "title": "No kafka-cluster with this name exists" })),
        (
            "/api/public/kafka/v2/cluster/prod-eu/topic/nope",
            404,
            json!({ "title": "No topic with this technical id exists" }),
        ),
        (
            "/api/public/kafka/v2/cluster/prod-eu/subject/nope",
            404,
            json!({ "title": "No subject with this technical id exists" }),
        ),
        (
            "/api/public/self-serve/v1/application/nope",
            404,
            json!({ "title": "No application with this technical id exists" }),
        ),
        (
            "/api/public/self-serve/v1/application-instance/nope",
            404,
            json!({ "title": "No application-instance with this technical id exists" }),
        ),
        (
            "/api/public/self-serve/v1/application-group/nope",
            404,
            json!({ "title": "No application-group with this technical id exists" }),
        ),
        ("/api/public/nothing/here", 404, json!({ "title": "No resource with this path exists" })),
    ];
    for (path, status, body) in cases {
        let answer = sim.get(path, Some(&payments)).await;
        assert_eq!((answer.status.as_u16(), answer.json()), (status, body), "{path}");
    }
    let subject = sim.get("/public/kafka/v2/cluster/prod-eu/subject/payments.orders-value", Some(&payments)).await;
    assert_eq!((subject.status.as_u16(), subject.json()["spec"]["version"].as_i64()), (200, Some(4)));
    let v1 = sim
        .post(
            "/public/v1/clusters/dev/consumergroups",
            Some(&payments),
            json!({ "page": 1, "itemsPerPage": 5, "sort": "ByName" }),
        )
        .await;
    assert_eq!(v1.status, 403);
    assert!(v1.json()["title"].as_str().unwrap_or("").contains("\"kafka.groups.describe\""));
    let v1 = sim
        .post(
            "/public/v1/clusters/nope/topics",
            Some(&payments),
            json!({ "page": 1, "itemsPerPage": 5, "sort": "ByName" }),
        )
        .await;
    assert_eq!((v1.status.as_u16(), v1.json()), (404, json!({ "title": "No cluster with this technical id exist" })));
}

fn item_names(page: &Value) -> Vec<&str> {
    page["data"].as_array().map(|d| d.iter().filter_map(|i| i["name"].as_str()).collect()).unwrap_or_default()
}

#[tokio::test]
async fn v1_searches_page_sort_and_filter() {
    let (sim, _) = simulator(false).await;
    let admin = sim.token_for("root@example.com", &["conduktor-admins"]).await;
    let topics = "/api/public/v1/clusters/prod-eu/topics";
    let search = |body: Value| sim.post(topics, Some(&admin), body);
    let page = search(json!({ "page": 2, "itemsPerPage": 4, "sort": "ByName" })).await.json();
    assert_eq!(
        (page["page"].as_i64(), page["totalPages"].as_i64(), page["perPage"].as_i64()),
        (Some(2), Some(2), Some(4))
    );
    assert_eq!(page["totalElements"], 7, "six indexed topics and one not indexed yet");
    assert_eq!(item_names(&page), vec!["payments.ledger", "payments.orders", "payments.refunds"]);
    let first = search(json!({ "page": 1, "itemsPerPage": 4, "sort": "ByName" })).await.json();
    assert_eq!(first["data"][3], json!({ "type": "NotIndexedTopic", "name": "payments.chargebacks" }));
    assert_eq!(first["data"][0]["tags"][0]["name"], "gdpr", "Console's tags on indexed topics");
    let largest = search(json!({ "page": 1, "itemsPerPage": 2, "sort": "ByTopicSizeByte", "descSort": true })).await;
    let largest = largest.json();
    assert_eq!(item_names(&largest), vec!["click.pageviews", "click.sessions"]);
    assert_eq!(largest["data"][0]["topicSize"], 52_428_800_000_i64);
    assert_eq!(largest["data"][0]["type"], "IndexedTopic");
    let filtered = search(json!({ "page": 1, "itemsPerPage": 50, "sort": "ByName",
        "filter": [{ "type": "TopicNameFilter", "contains": "payments" }, { "type": "CleanupPolicyFilter", "oneOf": ["compact"] }] }));
    assert_eq!(item_names(&filtered.await.json()), vec!["payments.ledger"]);
    let beyond = search(json!({ "page": 9, "itemsPerPage": 4, "sort": "ByName" })).await.json();
    assert_eq!((item_names(&beyond).len(), beyond["totalPages"].as_i64()), (0, Some(2)), "past the end: empty page");
    for invalid in [
        json!({ "page": 0, "itemsPerPage": 4, "sort": "ByName" }),
        json!({ "page": 1, "itemsPerPage": 0, "sort": "ByName" }),
        json!({ "page": 1, "itemsPerPage": 1001, "sort": "ByName" }),
        json!({ "itemsPerPage": 4 }),
        json!({ "page": 1, "itemsPerPage": 4, "sort": "ByLag" }),
        json!({ "page": 1, "itemsPerPage": 4, "sort": "ByName", "filter": [{ "type": "NameFilter", "contains": "x" }] }),
        json!({ "page": 1, "itemsPerPage": 4, "sort": "ByName", "filter": [{ "type": "LabelsFilter" }] }),
        json!({ "page": 1, "itemsPerPage": 4, "sort": "ByName", "descSort": null }),
    ] {
        let answer = search(invalid.clone()).await;
        let body = answer.json();
        assert_eq!(
            (answer.status.as_u16(), body["title"].as_str()),
            (400, Some("The request is not valid")),
            "{invalid}"
        );
        assert!(body["msg"].is_string(), "the 400 says what is wrong: {body}");
    }
    let unknown_sort = sim
        .post("/public/v1/clusters/prod-eu/consumergroups", Some(&admin), json!({ "page": 1, "itemsPerPage": 4, "sort": "ByName", "filter": [{ "type": "OnState", "oneOf": ["Rebalancing"] }] }))
        .await;
    assert_eq!(unknown_sort.status, 400, "a state outside ConsumerGroupState");
    let text = sim
        .send(
            Method::POST,
            topics,
            &[("authorization", format!("Bearer {admin}").as_bytes()), ("content-type", b"text/plain")],
            None,
        )
        .await;
    assert_eq!(text.status, 400, "the body must be JSON");
    let groups = sim
        .post(
            "/public/v1/clusters/prod-eu/consumergroups",
            Some(&admin),
            json!({ "page": 1, "itemsPerPage": 2, "sort": "ByOverallLag", "descSort": true }),
        )
        .await
        .json();
    assert_eq!(item_names(&groups), vec!["payments-refunds-worker", "click-enricher"]);
    assert_eq!(
        (groups["totalElements"].as_i64(), groups["data"][0]["maxLagTimeInSeconds"].as_i64()),
        (Some(4), Some(3600))
    );
    let stable = sim
        .post("/public/v1/clusters/prod-eu/consumergroups", Some(&admin),
            json!({ "page": 1, "itemsPerPage": 10, "sort": "ByMembers", "filter": [{ "type": "OnState", "oneOf": ["Stable"] }] }))
        .await
        .json();
    assert_eq!(item_names(&stable), vec!["payments-processor", "click-enricher"]);
}

/// The paths (under `/public`) the router serves, with their methods.
const ROUTES: [(&str, &str); 15] = [
    ("/public/console/v2/kafka-cluster", "get"),
    ("/public/console/v2/kafka-cluster/{name}", "get"),
    ("/public/kafka/v2/cluster/{cluster}/topic", "get"),
    ("/public/kafka/v2/cluster/{cluster}/topic/{name}", "get"),
    ("/public/kafka/v2/cluster/{cluster}/subject", "get"),
    ("/public/kafka/v2/cluster/{cluster}/subject/{name}", "get"),
    ("/public/v1/clusters/{cluster}/topics", "post"),
    ("/public/v1/clusters/{cluster}/consumergroups", "post"),
    ("/public/self-serve/v1/application", "get"),
    ("/public/self-serve/v1/application/{name}", "get"),
    ("/public/self-serve/v1/application-instance", "get"),
    ("/public/self-serve/v1/application-instance/{name}", "get"),
    ("/public/self-serve/v1/application-group", "get"),
    ("/public/self-serve/v1/application-group/{name}", "get"),
    ("/public/docs/docs.yaml", "get"),
];

#[tokio::test]
async fn serves_an_openapi_document_of_its_routes() {
    let (sim, _) = simulator(false).await;
    let (api, bare) =
        (sim.get("/api/public/docs/docs.yaml", None).await, sim.get("/public/docs/docs.yaml", None).await);
    assert_eq!((api.status.as_u16(), bare.status.as_u16()), (200, 200), "no token needed");
    assert_eq!(api.headers.get("content-type").map(|v| v.as_bytes()), Some(&b"application/yaml"[..]));
    assert_eq!(api.body, bare.body);
    let document: Value = serde_norway::from_slice(&api.body).expect("valid YAML");
    assert!(document["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let paths = document["paths"].as_object().expect("paths");
    let documented: BTreeSet<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            let methods = item.as_object().map(|m| m.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
            methods.into_iter().filter(|m| m != "parameters").map(move |m| (path.clone(), m))
        })
        .collect();
    let served: BTreeSet<(String, String)> = ROUTES.iter().map(|(p, m)| (p.to_string(), m.to_string())).collect();
    assert_eq!(documented, served, "the document lists exactly the routes served");
    for (path, method) in ROUTES {
        let operation = &paths[path][method];
        let refs = operation.to_string();
        if path != "/public/docs/docs.yaml" {
            assert!(refs.contains("\"401\""), "{method} {path} documents Console's 401");
        }
        assert!(operation["responses"]["200"].is_object(), "{method} {path} documents its answer");
    }
    // Every $ref resolves.
    let text = api.text();
    for reference in text.split("$ref: ").skip(1) {
        let target = reference.split_whitespace().next().unwrap_or("").trim_matches(|c| c == '\'' || c == '"');
        let pointer = target.trim_start_matches('#');
        assert!(document.pointer(pointer).is_some(), "unresolved {target}");
    }
}

#[tokio::test]
async fn cors_answers_preflight_for_any_or_listed_origins() {
    let preflight = |sim: Sim, origin: &'static str| async move {
        let headers: [(&str, &[u8]); 3] = [
            ("origin", origin.as_bytes()),
            ("access-control-request-method", b"POST"),
            ("access-control-request-headers", b"authorization,content-type"),
        ];
        sim.send(Method::OPTIONS, "/api/public/v1/clusters/prod-eu/topics", &headers, None).await
    };
    let (any, _) = simulator(false).await;
    let answer = preflight(any, "http://127.0.0.1:9999").await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.headers.get("access-control-allow-origin").map(|v| v.as_bytes()), Some(&b"*"[..]));
    let allowed_headers = answer.headers.get("access-control-allow-headers").map(|v| v.to_str().unwrap_or(""));
    assert!(allowed_headers.is_some_and(|h| h.contains("authorization")));

    let mut state = test_app_state(false);
    state.cors_origins = vec![HeaderValue::from_static("http://127.0.0.1:7007")];
    let listed = Sim(serve(router(Arc::new(state))).await);
    let answer = preflight(listed, "http://127.0.0.1:7007").await;
    assert_eq!(
        answer.headers.get("access-control-allow-origin").map(|v| v.as_bytes()),
        Some(&b"http://127.0.0.1:7007"[..])
    );
    let answer = preflight(listed, "http://evil.example").await;
    assert!(answer.headers.get("access-control-allow-origin").is_none(), "an unlisted origin is not allowed");
    let simple = listed.send(Method::GET, "/health", &[("origin", b"http://127.0.0.1:7007")], None).await;
    assert_eq!(
        simple.headers.get("access-control-allow-origin").map(|v| v.as_bytes()),
        Some(&b"http://127.0.0.1:7007"[..])
    );
}

#[tokio::test]
async fn the_free_plan_refuses_self_service_reads_after_the_token_check() {
    let mut state = test_app_state(false);
    state.plan = crate::plan::Plan::Free;
    let sim = Sim(serve(router(Arc::new(state))).await);
    let admin = sim.token_for("root@example.com", &["conduktor-admins"]).await;
    for path in [
        "/api/public/self-serve/v1/application/payments",
        "/api/public/self-serve/v1/application-instance?application=payments",
        "/api/public/self-serve/v1/application-group",
    ] {
        let answer = sim.get(path, Some(&admin)).await;
        assert_eq!(answer.status, 403, "{path}");
        assert!(answer.json()["title"].as_str().unwrap_or("").contains("Enterprise license"), "{path}");
        assert_eq!(sim.get(path, None).await.status, 401, "no token is still a 401: {path}");
    }
    assert_eq!(sim.get("/api/public/console/v2/kafka-cluster", Some(&admin)).await.status, 200, "the rest is served");
}
