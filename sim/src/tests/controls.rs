//! Test controls over HTTP: every fault kind, the request log (with token
//! fingerprints, never tokens), and that they are absent without the flag.

use std::time::{Duration, Instant};

use axum::http::Method;
use serde_json::{json, Value};

use super::simulator;

const APP: &str = "/api/public/self-serve/v1/application/payments";

#[tokio::test]
async fn every_fault_kind_answers_as_asked_then_stops() {
    let (sim, _) = simulator(true).await;
    let token = sim.token_for("dev@example.com", &["conduktor-admins"]).await;
    let real = sim.get(APP, Some(&token)).await;
    assert_eq!(real.status, 200);
    let inject = |fault: Value| async move {
        let answer = sim.post("/sim/faults", None, fault).await;
        assert_eq!(answer.status, 201, "{}", answer.text());
    };

    inject(json!({ "path": "/application/payments", "status": 503, "body": "console", "retryAfter": "7" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!(answer.status, 503);
    assert_eq!(answer.json()["title"], "Service Unavailable");
    assert_eq!(answer.headers.get("retry-after").map(|v| v.as_bytes()), Some(&b"7"[..]));

    inject(json!({ "path": "/application/payments", "status": 502, "body": "html" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!(answer.status, 502);
    assert!(answer.text().starts_with("<html>"));
    assert_eq!(answer.headers.get("content-type").map(|v| v.as_bytes()), Some(&b"text/html"[..]));

    inject(json!({ "path": "/application/payments", "status": 200, "body": "malformed-json" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!((answer.status.as_u16(), answer.text().as_str()), (200, "{\"title\": "));

    inject(json!({ "path": "/application/payments", "body": "truncated" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!(answer.status, 200, "the real status");
    assert_eq!(answer.body.len(), real.body.len() / 2);
    assert!(real.body.starts_with(&answer.body));

    inject(json!({ "path": "/application/payments", "status": 500, "body": "empty" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!((answer.status.as_u16(), answer.body.len()), (500, 0));

    inject(json!({ "path": "/application/payments", "body": "backstage-auth" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!((answer.status.as_u16(), answer.json()["error"]["name"].as_str()), (401, Some("AuthenticationError")));

    inject(json!({ "path": "/application/payments", "status": 429 })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!((answer.status.as_u16(), answer.json()["title"].as_str()), (429, Some("Too Many Requests")));

    inject(json!({ "path": "/application/payments", "delayMs": 300 })).await;
    let started = Instant::now();
    let answer = sim.get(APP, Some(&token)).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(answer.body, real.body, "a delay alone keeps the real answer");

    // `count` and `method` select which requests fail.
    inject(json!({ "path": "/application/payments", "status": 500, "count": 2, "method": "GET" })).await;
    inject(json!({ "path": "/v1/clusters", "status": 500, "method": "POST" })).await;
    assert_eq!(sim.get(APP, Some(&token)).await.status, 500);
    assert_eq!(sim.get(APP, Some(&token)).await.status, 500);
    assert_eq!(sim.get(APP, Some(&token)).await.status, 200, "the third is real");
    assert_eq!(sim.get("/public/console/v2/kafka-cluster", Some(&token)).await.status, 200, "path must match");
    let search = json!({ "page": 1, "itemsPerPage": 5, "sort": "ByName" });
    assert_eq!(sim.post("/public/v1/clusters/prod-eu/topics", Some(&token), search).await.status, 500);

    inject(json!({ "path": "/application", "status": 500, "count": 5 })).await;
    assert_eq!(sim.send(Method::DELETE, "/sim/faults", &[], None).await.status, 204);
    assert_eq!(sim.get(APP, Some(&token)).await.status, 200, "cleared");
    let refused = sim.post("/sim/faults", None, json!({ "path": "", "count": 1 })).await;
    assert_eq!(refused.status, 400);
}

#[tokio::test]
async fn the_request_log_records_fingerprints_not_tokens() {
    let (sim, _) = simulator(true).await;
    let token = sim.token_for("dev@example.com", &["payments-developers"]).await;
    sim.send(Method::DELETE, "/sim/requests", &[], None).await;
    sim.get("/api/public/console/v2/kafka-cluster?x=1", Some(&token)).await;
    sim.get("/api/public/console/v2/kafka-cluster/dev", Some(&token)).await;
    sim.get("/api/public/console/v2/kafka-cluster", Some("forged.token.value")).await;
    sim.get("/api/public/console/v2/kafka-cluster", None).await;
    let log = sim.get("/sim/requests", None).await;
    assert!(!log.text().contains(&token) && !log.text().contains("forged.token.value"));
    let log = log.json();
    let rows: Vec<Value> = log
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| json!([r["path"], r["status"], r["user"], r["tokenFingerprint"].is_string()]))
        .collect();
    let path = "/api/public/console/v2/kafka-cluster";
    assert_eq!(
        rows,
        vec![
            json!([path, 200, "dev@example.com", true]),
            json!([format!("{path}/dev"), 403, "dev@example.com", true]),
            json!([path, 401, null, true]),
            json!([path, 401, null, false]),
        ]
    );
    assert_eq!(log[0]["query"], "x=1");
    assert_eq!(log[0]["method"], "GET");
    assert_eq!(log[0]["tokenFingerprint"], log[1]["tokenFingerprint"], "same token, same fingerprint");
    assert_ne!(log[0]["tokenFingerprint"], log[2]["tokenFingerprint"]);
    assert_eq!(log[0]["tokenFingerprint"].as_str().map(str::len), Some(16));
    assert!(log[0]["responseBytes"].as_u64().is_some_and(|b| b > 100));
    assert_eq!(sim.send(Method::DELETE, "/sim/requests", &[], None).await.status, 204);
    assert_eq!(sim.get("/sim/requests", None).await.json(), json!([]));
}

#[tokio::test]
async fn controls_are_off_without_the_flag() {
    let (sim, _) = simulator(false).await;
    for path in ["/sim/requests", "/sim/users", "/sim/auth"] {
        assert_eq!(sim.get(path, None).await.status, 404, "{path}");
    }
    assert_eq!(sim.post("/sim/faults", None, json!({ "path": "/", "status": 500 })).await.status, 404);
}
