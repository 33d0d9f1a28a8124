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

    // `itemsPerPage` answers a search in smaller pages than it asked for.
    inject(json!({ "path": "/v1/clusters/prod-eu/topics", "itemsPerPage": 2, "count": 2 })).await;
    let search = |page: u32| json!({ "page": page, "itemsPerPage": 100, "sort": "ByName" });
    let whole = sim.post("/public/v1/clusters/prod-eu/topics", Some(&token), search(1)).await.json();
    let first = sim.post("/public/v1/clusters/prod-eu/topics", Some(&token), search(1)).await.json();
    let second = sim.post("/public/v1/clusters/prod-eu/topics", Some(&token), search(2)).await.json();
    assert_eq!((first["perPage"].as_i64(), first["data"].as_array().map(Vec::len)), (Some(2), Some(2)));
    let total = whole["totalElements"].as_i64().unwrap_or_default();
    assert!(total > 2, "{whole}");
    assert_eq!(first["totalPages"].as_i64(), Some((total + 1) / 2));
    assert_eq!(
        [&first["data"][0], &first["data"][1], &second["data"][0]],
        [&whole["data"][0], &whole["data"][1], &whole["data"][2]]
    );
    let again = sim.post("/public/v1/clusters/prod-eu/topics", Some(&token), search(1)).await.json();
    assert_eq!(again["perPage"].as_i64(), Some(100), "the fault's count is spent");

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
    for path in ["/sim/requests", "/sim/users", "/sim/auth", "/sim/inflight"] {
        assert_eq!(sim.get(path, None).await.status, 404, "{path}");
    }
    assert_eq!(sim.post("/sim/faults", None, json!({ "path": "/", "status": 500 })).await.status, 404);
}

#[tokio::test]
async fn body_faults_gzip_large_content_type_and_late_bodies() {
    let (sim, _) = simulator(true).await;
    let token = sim.token_for("dev@example.com", &["conduktor-admins"]).await;
    let inject = |fault: Value| async move {
        let answer = sim.post("/sim/faults", None, fault).await;
        assert_eq!(answer.status, 201, "{}", answer.text());
    };
    let header = |answer: &super::Answer, name: &str| {
        answer.headers.get(name).map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
    const CLUSTERS: &str = "/api/public/console/v2/kafka-cluster";

    inject(json!({ "path": "/application/payments", "body": "gzip-corrupt" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!(answer.status, 200);
    assert_eq!(header(&answer, "content-encoding").as_deref(), Some("gzip"));
    assert_eq!(&answer.body[..3], &[0x1f, 0x8b, 0x08], "gzip's magic, then no deflate stream");

    inject(json!({ "path": "/console/v2/kafka-cluster", "body": "large" })).await;
    let answer = sim.get(CLUSTERS, Some(&token)).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.len() >= 20_000_000 && answer.body.len() < 20_010_000, "{} bytes", answer.body.len());
    let items = answer.json();
    let items = items.as_array().expect("valid JSON: an array");
    assert!(items.len() > 3_000, "{} items", items.len());
    assert_eq!(items[0]["metadata"]["name"], "prod-eu");
    assert!(answer.text().contains("SIM-SECRET"), "the planted secrets are repeated too");

    inject(json!({ "path": "/console/v2/kafka-cluster", "body": "large-invalid", "sizeBytes": 100_000 })).await;
    let answer = sim.get(CLUSTERS, Some(&token)).await;
    assert!(answer.body.len() >= 100_000 && answer.body.len() < 110_000, "{} bytes", answer.body.len());
    assert!(serde_json::from_slice::<Value>(&answer.body).is_err());
    assert!(answer.text().ends_with(",!]"));
    let valid_prefix = &answer.text()[..answer.body.len() - 3];
    assert!(serde_json::from_str::<Value>(&format!("{valid_prefix}]")).is_ok(), "the error is only at the end");

    inject(json!({ "path": "/application/payments", "contentType": "text/plain" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!((answer.status.as_u16(), header(&answer, "content-type").as_deref()), (200, Some("text/plain")));
    assert_eq!(answer.json()["metadata"]["name"], "payments", "the real body");
    inject(json!({ "path": "/application/payments", "status": 200, "body": "empty", "contentType": "" })).await;
    let answer = sim.get(APP, Some(&token)).await;
    assert_eq!((answer.status.as_u16(), answer.body.len()), (200, 0));
    assert_eq!(header(&answer, "content-type"), None);

    // bodyDelayMs: the status and headers arrive at once, the body later.
    inject(json!({ "path": "/application/payments", "bodyDelayMs": 600 })).await;
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build_http();
    let request = axum::http::Request::get(sim.url(APP))
        .header("authorization", format!("Bearer {token}"))
        .body(http_body_util::Full::new(axum::body::Bytes::new()))
        .unwrap();
    let started = Instant::now();
    let response = client.request(request).await.unwrap();
    let headers_after = started.elapsed();
    assert_eq!(response.status(), 200);
    let body = http_body_util::BodyExt::collect(response.into_body()).await.unwrap().to_bytes();
    let body_after = started.elapsed();
    assert!(headers_after < Duration::from_millis(400), "headers after {headers_after:?}");
    assert!(body_after >= Duration::from_millis(600), "body after {body_after:?}");
    assert!(String::from_utf8_lossy(&body).contains("\"payments\""));
}

/// A raw HTTP/1.1 GET that the caller can abandon mid-way by dropping the stream.
async fn raw_get(sim: super::Sim, path: &str, token: &str) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt;
    let mut stream = tokio::net::TcpStream::connect(sim.0).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: sim\r\nAuthorization: Bearer {token}\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    stream
}

async fn in_flight_until(sim: super::Sim, expected: u64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let counters = sim.get("/sim/inflight", None).await.json();
        if counters["inFlight"] == expected || Instant::now() > deadline {
            return counters;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn the_in_flight_counter_sees_requests_finish_or_get_abandoned() {
    use tokio::io::AsyncReadExt;
    let (sim, _) = simulator(true).await;
    let token = sim.token_for("dev@example.com", &["conduktor-admins"]).await;
    assert_eq!(sim.send(Method::DELETE, "/sim/inflight", &[], None).await.status, 204);
    let zero = json!({ "inFlight": 0, "maxInFlight": 0, "started": 0, "completed": 0, "cancelled": 0 });
    assert_eq!(sim.get("/sim/inflight", None).await.json(), zero, "/sim/* is not counted");

    assert_eq!(sim.get(APP, Some(&token)).await.status, 200);
    let counters = in_flight_until(sim, 0).await;
    assert_eq!((counters["started"].as_u64(), counters["completed"].as_u64()), (Some(1), Some(1)));

    // Two requests held by a delay before the answer, one by a delay before the body.
    let inject = |fault: Value| async move { assert_eq!(sim.post("/sim/faults", None, fault).await.status, 201) };
    inject(json!({ "path": "/application/payments", "delayMs": 3000, "count": 2 })).await;
    let first = raw_get(sim, APP, &token).await;
    let second = raw_get(sim, APP, &token).await;
    let counters = in_flight_until(sim, 2).await;
    assert_eq!(counters["inFlight"], 2, "{counters}");
    drop(first);
    drop(second);
    let counters = in_flight_until(sim, 0).await;
    assert_eq!((counters["inFlight"].as_u64(), counters["cancelled"].as_u64()), (Some(0), Some(2)), "{counters}");
    assert_eq!(counters["maxInFlight"], 2);

    inject(json!({ "path": "/application/payments", "bodyDelayMs": 3000 })).await;
    let mut late = raw_get(sim, APP, &token).await;
    let mut head = [0u8; 12];
    late.read_exact(&mut head).await.unwrap();
    assert_eq!(&head, b"HTTP/1.1 200", "the head arrives before the body");
    assert_eq!(in_flight_until(sim, 1).await["inFlight"], 1, "still sending its body");
    drop(late);
    let counters = in_flight_until(sim, 0).await;
    assert_eq!(counters["cancelled"], 3, "{counters}");

    assert_eq!(sim.send(Method::DELETE, "/sim/inflight", &[], None).await.status, 204);
    assert_eq!(sim.get("/sim/inflight", None).await.json(), zero);
}
