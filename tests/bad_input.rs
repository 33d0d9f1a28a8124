//! The bad-input matrix (issue 8), core side: one row per case the pure code can
//! decide, each asserting the exact error kind (or the tolerated result) and that
//! nothing panicked. Cases that need fetch (network, timeout, abort, 20 MB bodies)
//! live in the browser suite (wasm/tests/).

mod support;

use conduktor_card_core::annotations::{self, CONSUMER_GROUPS, TOPICS};
use conduktor_card_core::answers::Answer;
use conduktor_card_core::classify::{classify, retry_after_ms};
use conduktor_card_core::credentials::Token;
use conduktor_card_core::endpoint::Endpoint;
use conduktor_card_core::error::{CoreError, ErrorKind};
use conduktor_card_core::inspect;
use conduktor_card_core::plan::Fetch;
use support::{block_on, client, get, post};

type Run = fn() -> Result<String, CoreError>;

/// `Ok(summary)` for a tolerated input, `Err(kind)` for a refused one.
type Expect = Result<&'static str, ErrorKind>;

const BASE: &str = "https://backstage.example.com/api/proxy";

fn token(raw: &str) -> Result<String, CoreError> {
    Token::parse(Some(raw.to_string())).map(|_| "accepted".into())
}

fn proxy_base(base: &str) -> Result<String, CoreError> {
    Endpoint::parse(Some(base.to_string()), None).map(|e| e.url(&["public"]))
}

/// The topic URL for a name, as `fetchTopics` builds it.
fn topic_url(name: &str) -> Result<String, CoreError> {
    let endpoint = Endpoint::parse(Some(BASE.into()), None)?;
    let url = endpoint.url(&["public", "kafka", "v2", "cluster", "prod-eu", "topic", name]);
    Ok(url.strip_prefix(BASE).unwrap_or(&url).to_string())
}

fn annotation(key: &str, value: &str) -> Result<String, CoreError> {
    let refs = annotations::parse(&[(key.to_string(), value.to_string())])?;
    Ok(format!("{} topics, {} groups", refs.topics.len(), refs.consumer_groups.len()))
}

fn inspect(raw: &str) -> Result<String, CoreError> {
    let report = inspect::inspect(raw, 1.7e12)?;
    Ok(format!("exp={:?} expired={:?} email={}", report.expires_at, report.expired, report.has_email_claim))
}

/// A JWT with these claims (header `{"alg":"RS256"}`, signature `sig`).
fn jwt(claims: &str) -> String {
    use base64::Engine;
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims);
    format!("eyJhbGciOiJSUzI1NiJ9.{payload}.sig")
}

fn clusters(body: &str) -> Result<String, CoreError> {
    let list = block_on(client(vec![get("/public/console/v2/kafka-cluster", 200, body)]).clusters_json())?;
    let kept = serde_json::from_str::<Vec<serde_json::Value>>(&list.items).map_or(0, |v| v.len());
    Ok(format!("{kept} clusters, {} left out", list.info.problems.len()))
}

fn topic(body: &str) -> Result<String, CoreError> {
    let c = client(vec![get("/public/kafka/v2/cluster/prod-eu/topic/t", 200, body)]);
    match block_on(c.answer(&Fetch::Topic { cluster: "prod-eu".into(), name: "t".into() }))? {
        Answer::Topic(t) => Ok(format!("{} partitions={:?}", t.name, t.partitions)),
        _ => Ok("not a topic".into()),
    }
}

fn topics(body: &str) -> Result<String, CoreError> {
    let list = block_on(client(vec![get("/public/kafka/v2/cluster/c/topic", 200, body)]).topics_json("c"))?;
    Ok(list.items)
}

fn groups(body: &str) -> Result<String, CoreError> {
    let list = block_on(
        client(vec![post("/public/v1/clusters/prod-eu/consumergroups", "", 200, body)]).consumer_groups_json("prod-eu"),
    )?;
    let names: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&list.items)
        .unwrap_or_default()
        .iter()
        .filter_map(|g| g["name"].as_str().map(String::from))
        .collect();
    Ok(format!("{names:?} truncated={}", list.info.truncated))
}

/// The kind, status and retry delay of a non-2xx answer.
fn status(status: u16, content_type: Option<&str>, body: &str, retry_after: Option<&str>) -> Result<String, CoreError> {
    let e = classify(status, content_type, body, retry_after_ms(retry_after));
    assert_eq!(e.status, Some(status));
    Ok(format!("{} retry={:?}", e.kind.as_str(), e.retry_after_ms))
}

const CONSOLE_401: &str = r#"{"title":"The user is not authenticated"}"#;
const PROXY_401: &str =
    r#"{"error":{"name":"AuthenticationError","message":"Illegal token"},"response":{"statusCode":401}}"#;
const HTML: &str = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

#[rustfmt::skip]
const MATRIX: &[(&str, Run, Expect)] = &[
    // Tokens.
    ("token: empty", || token(""), Err(ErrorKind::InvalidInput)),
    ("token: whitespace", || token("   "), Err(ErrorKind::InvalidInput)),
    ("token: CR/LF", || token("eyJ.a.b\r\nX-Injected: 1"), Err(ErrorKind::InvalidInput)),
    ("token: 20 KiB", || token(&"a".repeat(20 * 1024)), Err(ErrorKind::InvalidInput)),
    ("token: Bearer prefix", || token("Bearer eyJ.a.b"), Err(ErrorKind::InvalidInput)),
    ("token: not a string", || Token::parse(None).map(|_| String::new()), Err(ErrorKind::InvalidInput)),
    ("token: opaque, sent as is", || token("opaque-access-token"), Ok("accepted")),
    ("inspectToken: not a JWT", || inspect("not-a-jwt"), Err(ErrorKind::InvalidInput)),
    ("inspectToken: bad base64", || inspect("eyJ!!.e30.sig"), Err(ErrorKind::InvalidInput)),
    ("inspectToken: payload not an object", || inspect(&jwt("[1]")), Err(ErrorKind::InvalidInput)),
    ("inspectToken: no exp", || inspect(&jwt(r#"{"email":"a@example.com"}"#)), Ok("exp=None expired=None email=true")),
    // serde_json refuses numbers beyond f64 (JSON.parse reads Infinity): not a JWT Console would accept either.
    ("inspectToken: exp out of range", || inspect(&jwt(r#"{"exp":1e400}"#)), Err(ErrorKind::InvalidInput)),
    ("inspectToken: exp far out", || inspect(&jwt(r#"{"exp":1e300}"#)), Ok("exp=None expired=None email=false")),
    ("inspectToken: expired", || inspect(&jwt(r#"{"exp":1600000000}"#)), Ok("exp=Some(1600000000000) expired=Some(true) email=false")),
    // proxyBase.
    ("proxyBase: empty", || proxy_base(""), Err(ErrorKind::InvalidInput)),
    ("proxyBase: relative without '/'", || proxy_base("api/proxy"), Err(ErrorKind::InvalidInput)),
    ("proxyBase: javascript:", || proxy_base("javascript:alert(1)"), Err(ErrorKind::InvalidInput)),
    ("proxyBase: query", || proxy_base("https://h/api/proxy?x=1"), Err(ErrorKind::InvalidInput)),
    ("proxyBase: fragment", || proxy_base("https://h/api/proxy#f"), Err(ErrorKind::InvalidInput)),
    ("proxyBase: trailing slashes", || proxy_base("https://h/api/proxy///"), Ok("https://h/api/proxy/conduktor/public")),
    ("proxyBase: non-http scheme", || proxy_base("ftp://h/api/proxy"), Err(ErrorKind::InvalidInput)),
    ("proxyBase: protocol-relative", || proxy_base("//evil.example.com/api"), Err(ErrorKind::InvalidInput)),
    ("proxyBase: absolute path", || proxy_base("/api/proxy"), Ok("/api/proxy/conduktor/public")),
    // Names in paths: always one encoded segment.
    ("name: '/'", || topic_url("a/b"), Ok("/conduktor/public/kafka/v2/cluster/prod-eu/topic/a%2Fb")),
    ("name: '..'", || topic_url(".."), Ok("/conduktor/public/kafka/v2/cluster/prod-eu/topic/%2E%2E")),
    ("name: '%2F'", || topic_url("%2F"), Ok("/conduktor/public/kafka/v2/cluster/prod-eu/topic/%252F")),
    ("name: '?'", || topic_url("a?b=c"), Ok("/conduktor/public/kafka/v2/cluster/prod-eu/topic/a%3Fb%3Dc")),
    ("name: '#'", || topic_url("a#b"), Ok("/conduktor/public/kafka/v2/cluster/prod-eu/topic/a%23b")),
    ("name: unicode", || topic_url("zahlungen-é😀"), Ok("/conduktor/public/kafka/v2/cluster/prod-eu/topic/zahlungen-%C3%A9%F0%9F%98%80")),
    ("name: 10 KiB", || topic_url(&"/".repeat(10 * 1024)).map(|u| format!("{} bytes, {} slashes", u.len(), u.matches('/').count())), Ok("30769 bytes, 8 slashes")),
    // Annotations.
    ("annotation: empty entries", || annotation(TOPICS, " ,prod-eu/a,, ,"), Ok("1 topics, 0 groups")),
    ("annotation: missing cluster", || annotation(TOPICS, "payments.orders"), Err(ErrorKind::InvalidInput)),
    ("annotation: empty cluster", || annotation(CONSUMER_GROUPS, "/payments"), Err(ErrorKind::InvalidInput)),
    ("annotation: '*' alone", || annotation(TOPICS, "prod-eu/*"), Err(ErrorKind::InvalidInput)),
    ("annotation: duplicates", || annotation(TOPICS, "prod-eu/a, prod-eu/a ,prod-eu/a"), Ok("1 topics, 0 groups")),
    ("annotation: 1000 entries", || annotation(TOPICS, &vec!["prod-eu/a"; 1000].join(",")), Err(ErrorKind::InvalidInput)),
    ("annotation: control character", || annotation(CONSUMER_GROUPS, "prod-eu/a\u{7}b"), Err(ErrorKind::InvalidInput)),
    // 2xx bodies.
    ("body: malformed JSON", || clusters(r#"[{"metadata":{"name":"a"},}]"#), Err(ErrorKind::Decode)),
    ("body: wrong type", || clusters(r#"{"items":[]}"#), Err(ErrorKind::Decode)),
    ("body: missing required field", || clusters(r#"[{"spec":{}},{"metadata":{"name":"a"},"spec":{}}]"#), Ok("1 clusters, 1 left out")),
    ("body: nulls everywhere", || clusters(r#"[{"metadata":null,"spec":null}]"#), Ok("0 clusters, 1 left out")),
    ("body: an item that is not an object", || clusters(r#"[["prod",{}],"x",null]"#), Ok("0 clusters, 3 left out")),
    ("body: nulls in optional fields", || topic(r#"{"metadata":{"name":"t","labels":null},"spec":{"partitions":null,"configs":null}}"#), Ok("t partitions=None")),
    ("body: unknown fields", || topic(r#"{"metadata":{"name":"t","x":{"y":[1]}},"spec":{"partitions":3,"future":true},"status":{}}"#), Ok("t partitions=Some(3)")),
    ("body: number as a string", || topic(r#"{"metadata":{"name":"t"},"spec":{"partitions":"12"}}"#), Ok("t partitions=Some(12)")),
    ("body: number beyond int32", || topic(r#"{"metadata":{"name":"t"},"spec":{"partitions":3000000000}}"#), Ok("t partitions=None")),
    // serde_json refuses numbers beyond f64 as malformed JSON; in a list only that item is left out.
    ("body: number out of range", || topic(r#"{"metadata":{"name":"t"},"spec":{"partitions":1e400}}"#), Err(ErrorKind::Decode)),
    ("body: number out of range in a list", || clusters(r#"[{"metadata":{"name":"a"},"spec":{"color":1e400}},{"metadata":{"name":"b"},"spec":{}}]"#), Ok("1 clusters, 1 left out")),
    ("body: number out of range in an unknown field", || clusters(r#"[{"metadata":{"name":"a"},"spec":{"x":1e400}}]"#), Ok("1 clusters, 0 left out")),
    ("body: deeply nested item", || clusters(&format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))), Ok("0 clusters, 1 left out")),
    ("body: very deeply nested item", || clusters(&format!("{}{}", "[".repeat(500_000), "]".repeat(500_000))), Ok("0 clusters, 1 left out")),
    ("body: deeply nested field", || topic(&format!(r#"{{"metadata":{{"name":"t","labels":{}{}}}}}"#, "[".repeat(10_000), "]".repeat(10_000))), Ok("t partitions=None")),
    ("body: truncated", || topics(r#"[{"metadata":{"name":"a"},"spec":{"partitions":3}},{"metadata":{"na"#), Err(ErrorKind::Decode)),
    ("body: HTML error page with 200", || clusters(HTML), Err(ErrorKind::Decode)),
    ("body: empty 200", || clusters(""), Err(ErrorKind::Decode)),
    // Console's spec makes `data` optional: a page without it is an empty page.
    ("body: page without data", || groups(r#"{"page":1,"totalPages":1,"perPage":100,"totalElements":0}"#), Ok("[] truncated=false")),
    ("body: page count out of range", || groups(r#"{"data":[{"name":"g"}],"totalPages":1e300}"#), Ok("[\"g\"] truncated=false")),
    // Statuses.
    ("status: 400", || status(400, Some("application/json"), r#"{"title":"The request is not valid"}"#, None), Ok("http retry=None")),
    ("status: 401 Console", || status(401, Some("application/json"), CONSOLE_401, None), Ok("unauthorized retry=None")),
    ("status: 401 proxy", || status(401, Some("application/json; charset=utf-8"), PROXY_401, None), Ok("proxy-rejected retry=None")),
    ("status: 401 empty body", || status(401, None, "", None), Ok("unauthorized retry=None")),
    ("status: 403", || status(403, Some("application/json"), r#"{"title":"The user doesn't have sufficient privilege"}"#, None), Ok("forbidden retry=None")),
    ("status: 404 Console", || status(404, Some("application/json"), r#"{"title":"No topic with this name exists"}"#, None), Ok("not-found retry=None")),
    ("status: 404 no proxy route", || status(404, Some("text/html"), "<html>Not Found</html>", None), Ok("not-found retry=None")),
    ("status: 408", || status(408, None, "", None), Ok("http retry=None")),
    ("status: 409", || status(409, Some("application/json"), r#"{"title":"Conflict"}"#, None), Ok("http retry=None")),
    ("status: 429 with Retry-After", || status(429, None, "", Some("2")), Ok("rate-limited retry=Some(2000)")),
    ("status: 429 without Retry-After", || status(429, None, "", None), Ok("rate-limited retry=None")),
    ("status: 429 Retry-After not a number", || status(429, None, "", Some("soon")), Ok("rate-limited retry=None")),
    ("status: 500", || status(500, Some("application/json"), r#"{"title":"Internal error"}"#, None), Ok("server retry=None")),
    ("status: 502 HTML page", || status(502, Some("text/html"), HTML, None), Ok("server retry=None")),
    ("status: 502 HTML as JSON type", || status(502, Some("application/json"), HTML, None), Ok("server retry=None")),
    ("status: 503 with Retry-After", || status(503, None, "", Some("30")), Ok("server retry=Some(30000)")),
    ("status: 504", || status(504, Some("text/plain"), "upstream timed out", None), Ok("server retry=None")),
];

#[test]
fn bad_input_matrix() {
    let mut failures = Vec::new();
    for (index, (case, run, expect)) in MATRIX.iter().enumerate() {
        assert!(!MATRIX[..index].iter().any(|(other, ..)| other == case), "duplicate case {case}");
        let outcome = match std::panic::catch_unwind(run) {
            Ok(result) => result.map_err(|e| e.kind),
            Err(_) => {
                failures.push(format!("{case}: panicked"));
                continue;
            }
        };
        if outcome != expect.map(String::from) {
            failures.push(format!("{case}: expected {expect:?}, got {outcome:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), MATRIX.len(), failures.join("\n"));
    assert!(MATRIX.len() >= 40, "the issue asks for at least 40 cases");
}
