//! Browser tests of the exported API against a running `conduktor-sim`, in headless
//! Chromium (`wasm-pack test --headless --chrome`). The simulator's URL is baked in
//! at compile time from `CONDUKTOR_SIM_URL`, the way gloo's tests find httpbin.

use crate::inspect_token;
use exports::{
    fetch_application, fetch_application_instances, fetch_clusters, fetch_consumer_groups, fetch_entity_overview,
    fetch_topics,
};
use gloo_net::http::Request;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

/// The exports return Promises, as JavaScript sees them; these await them.
mod exports {
    use js_sys::Object;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;

    type Answer = Result<JsValue, JsValue>;

    pub async fn fetch_clusters(token: JsValue, base: JsValue, options: Option<Object>) -> Answer {
        JsFuture::from(crate::fetch_clusters(token, base, options)).await
    }

    pub async fn fetch_topics(token: JsValue, base: JsValue, cluster: JsValue, options: Option<Object>) -> Answer {
        JsFuture::from(crate::fetch_topics(token, base, cluster, options)).await
    }

    pub async fn fetch_consumer_groups(
        token: JsValue,
        base: JsValue,
        cluster: JsValue,
        options: Option<Object>,
    ) -> Answer {
        JsFuture::from(crate::fetch_consumer_groups(token, base, cluster, options)).await
    }

    pub async fn fetch_application(token: JsValue, base: JsValue, name: JsValue, options: Option<Object>) -> Answer {
        JsFuture::from(crate::fetch_application(token, base, name, options)).await
    }

    pub async fn fetch_application_instances(
        token: JsValue,
        base: JsValue,
        name: JsValue,
        options: Option<Object>,
    ) -> Answer {
        JsFuture::from(crate::fetch_application_instances(token, base, name, options)).await
    }

    pub async fn fetch_entity_overview(
        token: JsValue,
        base: JsValue,
        annotations: JsValue,
        options: Option<Object>,
    ) -> Answer {
        JsFuture::from(crate::fetch_entity_overview(token, base, annotations, options)).await
    }
}

// The suite runs twice: in the page, and (feature `worker-tests`) in a dedicated
// worker, where there is no `window`; the core must only need the global `fetch`.
#[cfg(not(feature = "worker-tests"))]
wasm_bindgen_test_configure!(run_in_browser);
#[cfg(feature = "worker-tests")]
wasm_bindgen_test_configure!(run_in_dedicated_worker);

// The fetch-only cases of the bad-input matrix (issue 8).
#[path = "browser_fetch_faults.rs"]
mod fetch_faults;

const SIM_URL: &str = match option_env!("CONDUKTOR_SIM_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:28917",
};

/// The simulator serves Console under `/api`, as the proxy target does in production.
/// The answer cache is off unless a test turns it on: each test sees the simulator's
/// current answer (tokens minted in the same second are identical).
fn options(extra: &[(&str, JsValue)]) -> Option<Object> {
    let object = Object::new();
    Reflect::set(&object, &"proxyPath".into(), &"/api".into()).unwrap();
    Reflect::set(&object, &"cacheTtlMs".into(), &0.into()).unwrap();
    for (key, value) in extra {
        Reflect::set(&object, &(*key).into(), value).unwrap();
    }
    Some(object)
}

/// A token of an administrator (sees everything), unless a test asks for groups.
async fn token_for(email: &str) -> String {
    token_with_groups(email, &["conduktor-admins"]).await
}

async fn token_with_groups(email: &str, groups: &[&str]) -> String {
    let groups = groups.iter().map(|g| format!("\"{g}\"")).collect::<Vec<_>>().join(",");
    let body = format!(r#"{{"email":"{email}","groups":[{groups}]}}"#);
    let response = Request::post(&format!("{SIM_URL}/idp/token"))
        .header("Content-Type", "application/json")
        .body(body)
        .unwrap()
        .send()
        .await
        .expect("the simulator must be running: scripts/test.sh starts it");
    let json: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    json["id_token"].as_str().unwrap().to_string()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

async fn rejection(result: Result<JsValue, JsValue>) -> (String, JsValue) {
    let error = result.expect_err("the call should have been rejected");
    assert!(error.is_instance_of::<js_sys::Error>(), "rejections are Error instances");
    assert_eq!(get(&error, "name").as_string().as_deref(), Some("ConduktorError"));
    (get(&error, "kind").as_string().unwrap(), error)
}

#[wasm_bindgen_test]
async fn lists_the_simulators_clusters_without_secrets() {
    let token = token_for("developer@example.com").await;
    let clusters = fetch_clusters(token.clone().into(), SIM_URL.into(), options(&[])).await.unwrap();
    let clusters: Array = clusters.dyn_into().expect("an array");
    assert_eq!(clusters.length(), 3);
    let first = clusters.get(0);
    assert_eq!(get(&first, "name").as_string().as_deref(), Some("prod-eu"));
    assert_eq!(get(&first, "displayName").as_string().as_deref(), Some("Production EU"));
    assert_eq!(get(&first, "color").as_string().as_deref(), Some("#E74C3C"));
    assert_eq!(get(&get(&first, "labels"), "env").as_string().as_deref(), Some("prod"), "labels are a plain object");
    assert!(get(&clusters.get(2), "color").is_undefined(), "unknown values are left out, not null");
    let text: String = JSON::stringify(&clusters).unwrap().into();
    assert!(!text.contains("SIM-SECRET"), "a planted secret reached JavaScript: {text}");
    assert!(!text.contains(&token));
}

#[wasm_bindgen_test]
async fn a_token_console_rejects_is_unauthorized() {
    let (kind, error) = rejection(fetch_clusters("not.a.jwt".into(), SIM_URL.into(), options(&[])).await).await;
    assert_eq!(kind, "unauthorized");
    assert_eq!(get(&error, "status").as_f64(), Some(401.0));
    assert_eq!(get(&error, "title").as_string().as_deref(), Some("The user is not authenticated"));
    let message = get(&error, "message").as_string().unwrap();
    assert!(!message.contains("not.a.jwt"), "the token leaked into the message: {message}");
}

#[wasm_bindgen_test]
async fn invalid_input_is_refused_before_any_request() {
    let cases: [(JsValue, JsValue); 5] = [
        ("".into(), SIM_URL.into()),
        ("a b".into(), SIM_URL.into()),
        (JsValue::UNDEFINED, SIM_URL.into()),
        ("t".into(), "javascript:alert(1)".into()),
        ("t".into(), JsValue::from_f64(3.0)),
    ];
    for (token, base) in cases {
        let (kind, _) = rejection(fetch_clusters(token, base, options(&[])).await).await;
        assert_eq!(kind, "invalid-input");
    }
    let bad_timeout = options(&[("timeoutMs", JsValue::from_f64(-5.0))]);
    let (kind, _) = rejection(fetch_clusters("t".into(), SIM_URL.into(), bad_timeout).await).await;
    assert_eq!(kind, "invalid-input");
}

#[wasm_bindgen_test]
async fn an_unreachable_proxy_is_a_network_error() {
    // Port 9 (discard) on loopback: nothing listens there on these machines.
    let (kind, error) = rejection(fetch_clusters("t".into(), "http://127.0.0.1:9".into(), None).await).await;
    assert_eq!(kind, "network");
    assert!(get(&error, "status").is_undefined());
}

#[wasm_bindgen_test]
async fn a_wrong_path_is_not_found_with_a_hint() {
    let token = token_for("developer@example.com").await;
    let wrong_path = options(&[("proxyPath", "/nowhere".into())]);
    let (kind, error) = rejection(fetch_clusters(token.into(), SIM_URL.into(), wrong_path).await).await;
    assert_eq!(kind, "not-found");
    assert_eq!(get(&error, "status").as_f64(), Some(404.0));
}

#[wasm_bindgen_test]
async fn an_aborted_signal_rejects_as_aborted() {
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort_with_reason(&"a string reason, which gloo-net cannot handle".into());
    let token = token_for("developer@example.com").await;
    let signal = options(&[("signal", controller.signal().into())]);
    let (kind, _) = rejection(fetch_clusters(token.into(), SIM_URL.into(), signal).await).await;
    assert_eq!(kind, "aborted");
}

#[wasm_bindgen_test]
async fn aborting_during_the_request_rejects_as_aborted() {
    let controller = web_sys::AbortController::new().unwrap();
    let token = token_for("developer@example.com").await;
    let call = fetch_clusters(token.into(), SIM_URL.into(), options(&[("signal", controller.signal().into())]));
    // Start the call (futures are lazy), let it reach the fetch, then abort with a
    // non-Error reason while the request is in flight.
    let promise = wasm_bindgen_futures::future_to_promise(call);
    sleep_ms(1).await;
    controller.abort_with_reason(&"user navigated away".into());
    let (kind, _) = rejection(wasm_bindgen_futures::JsFuture::from(promise).await).await;
    assert_eq!(kind, "aborted");
}

async fn sleep_ms(ms: i32) {
    let set_timeout: js_sys::Function = Reflect::get(&js_sys::global(), &"setTimeout".into()).unwrap().into();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout.call2(&JsValue::NULL, &resolve, &JsValue::from(ms)).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn names(array: &JsValue) -> Vec<String> {
    Array::from(array).iter().map(|item| get(&item, "name").as_string().unwrap()).collect()
}

fn annotations(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &(*key).into(), &(*value).into()).unwrap();
    }
    object.into()
}

#[wasm_bindgen_test]
async fn lists_topics_with_owner_and_config() {
    let token = token_for("developer@example.com").await;
    let topics = fetch_topics(token.into(), SIM_URL.into(), "prod-eu".into(), options(&[])).await.unwrap();
    let names = names(&topics);
    assert!(names.contains(&"payments.orders".to_string()), "{names:?}");
    let orders =
        Array::from(&topics).iter().find(|t| get(t, "name").as_string().as_deref() == Some("payments.orders")).unwrap();
    assert_eq!(get(&orders, "ownerApplication").as_string().as_deref(), Some("payments"));
    assert_eq!(get(&orders, "retentionMs").as_f64(), Some(604_800_000.0));
    assert_eq!(get(&orders, "partitions").as_f64(), Some(12.0));
}

#[wasm_bindgen_test]
async fn an_unknown_cluster_is_not_found_with_consoles_title() {
    let token = token_for("developer@example.com").await;
    let (kind, error) = rejection(fetch_topics(token.into(), SIM_URL.into(), "nope".into(), options(&[])).await).await;
    assert_eq!(kind, "not-found");
    assert_eq!(get(&error, "title").as_string().as_deref(), Some("No kafka-cluster with this name exists"));
}

#[wasm_bindgen_test]
async fn follows_consumer_group_pages_up_to_the_cap() {
    let token = token_for("developer@example.com").await;
    let all = fetch_consumer_groups(
        token.clone().into(),
        SIM_URL.into(),
        "prod-eu".into(),
        options(&[("pageSize", 1.into())]),
    )
    .await
    .unwrap();
    assert_eq!(Array::from(&all).length(), 4, "four pages of one group each");
    assert_eq!(get(&all, "truncated").as_bool(), Some(false));
    let capped = options(&[("pageSize", 1.into()), ("maxPages", 2.into())]);
    let first = fetch_consumer_groups(token.into(), SIM_URL.into(), "prod-eu".into(), capped).await.unwrap();
    assert_eq!(Array::from(&first).length(), 2);
    assert_eq!(get(&first, "truncated").as_bool(), Some(true));
    assert_eq!(get(&first, "totalElements").as_f64(), Some(4.0));
    let lagging = Array::from(&first).get(0);
    assert_eq!(get(&lagging, "name").as_string().as_deref(), Some("click-enricher"));
    assert_eq!(get(&lagging, "overallLag").as_f64(), Some(542.0));
}

#[wasm_bindgen_test]
async fn reads_an_application_and_its_instances() {
    let token = token_for("developer@example.com").await;
    let app = fetch_application(token.clone().into(), SIM_URL.into(), "payments".into(), options(&[])).await.unwrap();
    assert_eq!(get(&app, "title").as_string().as_deref(), Some("Payments"));
    let instances =
        fetch_application_instances(token.into(), SIM_URL.into(), "payments".into(), options(&[])).await.unwrap();
    assert_eq!(names(&instances), vec!["payments-prod", "payments-staging"]);
    let resources = get(&Array::from(&instances).get(0), "resources");
    assert_eq!(get(&Array::from(&resources).get(0), "patternType").as_string().as_deref(), Some("PREFIXED"));
}

#[wasm_bindgen_test]
async fn the_overview_joins_annotations_into_one_view() {
    let token = token_for("developer@example.com").await;
    let entity = annotations(&[
        ("conduktor.io/topics", "prod-eu/payments.orders, prod-eu/click.*, prod-eu/nope"),
        ("kafka.apache.org/consumer-groups", "prod-eu/payments-processor"),
        ("conduktor.io/application", "clickstream"),
    ]);
    let overview = fetch_entity_overview(token.into(), SIM_URL.into(), entity, options(&[])).await.unwrap();
    assert_eq!(get(&overview, "annotated").as_bool(), Some(true));
    let topics = names(&get(&overview, "topics"));
    assert_eq!(topics, vec!["payments.orders", "click.pageviews", "click.sessions"]);
    let orders = Array::from(&get(&overview, "topics")).get(0);
    assert_eq!(get(&orders, "recordCount").as_f64(), Some(1_250_000.0), "metrics joined from the v1 search");
    let groups = names(&get(&overview, "consumerGroups"));
    assert_eq!(groups, vec!["payments-processor", "click-enricher"]);
    assert_eq!(names(&get(&overview, "clusters")), vec!["prod-eu"]);
    let apps = Array::from(&get(&overview, "applications"));
    assert_eq!(names(&get(&apps.get(0), "instances")), vec!["clickstream-prod"]);
    let problems = Array::from(&get(&overview, "problems"));
    assert_eq!(problems.length(), 1);
    assert_eq!(get(&problems.get(0), "kind").as_string().as_deref(), Some("not-found"));
    let text: String = JSON::stringify(&overview).unwrap().into();
    assert!(!text.contains("SIM-SECRET"));
}

#[wasm_bindgen_test]
async fn with_a_console_url_every_resource_links_into_console() {
    let token = token_for("developer@example.com").await;
    let entity = annotations(&[
        ("conduktor.io/topics", "prod-eu/payments.orders"),
        ("conduktor.io/consumer-groups", "prod-eu/payments-processor"),
        ("conduktor.io/application", "payments"),
    ]);
    let links = options(&[("consoleUrl", "https://console.example.com/".into())]);
    let overview = fetch_entity_overview(token.clone().into(), SIM_URL.into(), entity, links).await.unwrap();
    let first = |list: &str| Array::from(&get(&overview, list)).get(0);
    let link = |value: &JsValue| get(value, "consoleLink").as_string().unwrap_or_default();
    assert_eq!(link(&first("clusters")), "https://console.example.com/console/prod-eu/topics");
    assert_eq!(link(&first("topics")), "https://console.example.com/console/prod-eu/topics/payments.orders");
    assert_eq!(
        link(&first("consumerGroups")),
        "https://console.example.com/console/prod-eu/consumer-groups/payments-processor"
    );
    assert_eq!(link(&get(&first("applications"), "application")), "https://console.example.com/applications/payments");

    let templates = Object::new();
    Reflect::set(&templates, &"topic".into(), &"/ui/{cluster}/topic/{topic}".into()).unwrap();
    let custom = options(&[("consoleUrl", "http://127.0.0.1:8080".into()), ("consoleLinks", templates.into())]);
    let topics = fetch_topics(token.clone().into(), SIM_URL.into(), "prod-eu".into(), custom).await.unwrap();
    assert!(link(&Array::from(&topics).get(0)).starts_with("http://127.0.0.1:8080/ui/prod-eu/topic/"));
    let without = fetch_clusters(token.clone().into(), SIM_URL.into(), options(&[])).await.unwrap();
    assert!(get(&Array::from(&without).get(0), "consoleLink").is_undefined(), "no consoleUrl, no links");

    let bad = options(&[("consoleUrl", "javascript:alert(1)".into())]);
    let (kind, error) = rejection(fetch_clusters(token.into(), SIM_URL.into(), bad).await).await;
    assert_eq!(kind, "invalid-input");
    assert!(get(&error, "message").as_string().unwrap_or_default().contains("options.consoleUrl"));
}

#[wasm_bindgen_test]
async fn without_annotations_the_overview_lists_the_users_clusters() {
    let token = token_for("developer@example.com").await;
    let overview = fetch_entity_overview(token.into(), SIM_URL.into(), JsValue::UNDEFINED, options(&[])).await.unwrap();
    assert_eq!(get(&overview, "annotated").as_bool(), Some(false));
    assert_eq!(names(&get(&overview, "clusters")), vec!["prod-eu", "staging", "dev"]);
}

#[wasm_bindgen_test]
async fn a_malformed_annotation_is_invalid_input_naming_it() {
    let entity = annotations(&[("conduktor.io/topics", "orders-without-cluster")]);
    let (kind, error) = rejection(fetch_entity_overview("t".into(), SIM_URL.into(), entity, options(&[])).await).await;
    assert_eq!(kind, "invalid-input");
    assert!(get(&error, "message").as_string().unwrap().contains("conduktor.io/topics"));
}

#[wasm_bindgen_test]
async fn a_bad_token_rejects_the_whole_overview() {
    let entity = annotations(&[("conduktor.io/topics", "prod-eu/payments.orders")]);
    let (kind, _) = rejection(fetch_entity_overview("a.b.c".into(), SIM_URL.into(), entity, options(&[])).await).await;
    assert_eq!(kind, "unauthorized");
}

#[wasm_bindgen_test]
async fn inspects_a_token_without_returning_it() {
    let token = token_for("developer@example.com").await;
    let report = inspect_token(token.clone().into()).unwrap();
    assert_eq!(get(&report, "hasEmailClaim").as_bool(), Some(true));
    assert_eq!(get(&report, "expired").as_bool(), Some(false));
    assert_eq!(get(&report, "issuer").as_string(), Some(format!("{SIM_URL}/idp")));
    let text: String = JSON::stringify(&report).unwrap().into();
    assert!(!text.contains(&token) && !text.contains(token.rsplit('.').next().unwrap()));
    let error = inspect_token("not-a-jwt".into()).unwrap_err();
    assert_eq!(get(&error, "kind").as_string().as_deref(), Some("invalid-input"));
}

/// Arms a fault in the simulator (started with --test-controls) for the next matching request.
async fn inject(fault: &str) {
    let response = Request::post(&format!("{SIM_URL}/sim/faults"))
        .header("Content-Type", "application/json")
        .body(fault.to_string())
        .unwrap()
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201, "the simulator must run with --test-controls");
}

#[wasm_bindgen_test]
async fn a_gateways_html_error_page_is_a_server_error() {
    inject(r#"{"path":"/kafka/v2/cluster/dev/topic","status":502,"body":"html"}"#).await;
    let token = token_for("developer@example.com").await;
    let (kind, error) = rejection(fetch_topics(token.into(), SIM_URL.into(), "dev".into(), options(&[])).await).await;
    assert_eq!(kind, "server");
    assert_eq!(get(&error, "status").as_f64(), Some(502.0));
    assert!(get(&error, "message").as_string().unwrap().contains("HTML error page"));
}

#[wasm_bindgen_test]
async fn a_truncated_body_is_a_decode_error() {
    inject(r#"{"path":"/kafka/v2/cluster/staging/topic","body":"truncated"}"#).await;
    let token = token_for("developer@example.com").await;
    let (kind, error) =
        rejection(fetch_topics(token.into(), SIM_URL.into(), "staging".into(), options(&[])).await).await;
    assert_eq!(kind, "decode");
    assert!(get(&error, "message").as_string().unwrap().contains("ends in /api"));
}

#[wasm_bindgen_test]
async fn rate_limiting_carries_retry_after() {
    inject(r#"{"path":"/self-serve/v1/application/payments","status":429,"body":"console","retryAfter":"7"}"#).await;
    let token = token_for("developer@example.com").await;
    let (kind, error) =
        rejection(fetch_application(token.into(), SIM_URL.into(), "payments".into(), options(&[])).await).await;
    assert_eq!(kind, "rate-limited");
    assert_eq!(get(&error, "retryAfterMs").as_f64(), Some(7000.0));
}

#[wasm_bindgen_test]
async fn a_slow_console_times_out() {
    inject(r#"{"path":"/self-serve/v1/application/clickstream","delayMs":3000}"#).await;
    let token = token_for("developer@example.com").await;
    let fast = options(&[("timeoutMs", 300.into())]);
    let (kind, error) =
        rejection(fetch_application(token.into(), SIM_URL.into(), "clickstream".into(), fast).await).await;
    assert_eq!(kind, "timeout");
    assert!(get(&error, "message").as_string().unwrap().contains("300 ms"));
}

#[wasm_bindgen_test]
async fn malformed_json_on_a_500_is_still_a_server_error() {
    inject(r#"{"path":"/v1/clusters/staging/consumergroups","status":500,"body":"malformed-json"}"#).await;
    let token = token_for("developer@example.com").await;
    let (kind, _) =
        rejection(fetch_consumer_groups(token.into(), SIM_URL.into(), "staging".into(), options(&[])).await).await;
    assert_eq!(kind, "server");
}

#[wasm_bindgen_test]
async fn one_forbidden_cluster_leaves_the_rest_of_the_overview() {
    inject(r#"{"path":"/v1/clusters/staging/topics","status":403,"body":"console"}"#).await;
    let token = token_for("developer@example.com").await;
    let entity = annotations(&[("conduktor.io/topics", "prod-eu/payments.orders, staging/payments.orders")]);
    let overview = fetch_entity_overview(token.into(), SIM_URL.into(), entity, options(&[])).await.unwrap();
    let topics = Array::from(&get(&overview, "topics"));
    assert_eq!(topics.length(), 1);
    assert_eq!(get(&topics.get(0), "cluster").as_string().as_deref(), Some("prod-eu"));
    let problem = Array::from(&get(&overview, "problems")).get(0);
    assert_eq!(get(&problem, "kind").as_string().as_deref(), Some("forbidden"));
    assert_eq!(get(&problem, "cluster").as_string().as_deref(), Some("staging"));
}

/// How many requests for paths containing `fragment` the simulator has logged.
async fn logged_requests(fragment: &str) -> usize {
    let response = Request::get(&format!("{SIM_URL}/sim/requests")).send().await.unwrap();
    let log: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    log.as_array().unwrap().iter().filter(|r| r["path"].as_str().unwrap_or("").contains(fragment)).count()
}

#[wasm_bindgen_test]
async fn identical_requests_in_flight_are_sent_once() {
    let token = token_for("dedupe@example.com").await;
    let before = logged_requests("/application/clickstream").await;
    let call = || {
        wasm_bindgen_futures::future_to_promise(fetch_application(
            token.clone().into(),
            SIM_URL.into(),
            "clickstream".into(),
            options(&[]),
        ))
    };
    let (first, second) = (call(), call());
    let first = wasm_bindgen_futures::JsFuture::from(first).await.unwrap();
    let second = wasm_bindgen_futures::JsFuture::from(second).await.unwrap();
    assert_eq!(get(&first, "title").as_string(), get(&second, "title").as_string());
    assert_eq!(logged_requests("/application/clickstream").await - before, 1);
}

#[wasm_bindgen_test]
async fn answers_are_reused_until_refresh_and_never_across_tokens() {
    let token = token_for("cache@example.com").await;
    let cached = || options(&[("cacheTtlMs", 60_000.into())]);
    let before = logged_requests("/application-instance").await;
    for _ in 0..3 {
        fetch_application_instances(token.clone().into(), SIM_URL.into(), "clickstream".into(), cached())
            .await
            .unwrap();
    }
    assert_eq!(logged_requests("/application-instance").await - before, 1, "three calls, one request");
    let refresh = options(&[("cacheTtlMs", 60_000.into()), ("refresh", true.into())]);
    fetch_application_instances(token.clone().into(), SIM_URL.into(), "clickstream".into(), refresh).await.unwrap();
    assert_eq!(logged_requests("/application-instance").await - before, 2, "refresh sends again");
    let other = token_for("someone-else@example.com").await;
    fetch_application_instances(other.into(), SIM_URL.into(), "clickstream".into(), cached()).await.unwrap();
    assert_eq!(logged_requests("/application-instance").await - before, 3, "another token is not served the cache");
}

#[wasm_bindgen_test]
async fn the_proxys_own_401_is_proxy_rejected_with_the_fix() {
    inject(r#"{"path":"/console/v2/kafka-cluster","body":"backstage-auth"}"#).await;
    let token = token_for("developer@example.com").await;
    let (kind, error) = rejection(fetch_clusters(token.into(), SIM_URL.into(), options(&[])).await).await;
    assert_eq!(kind, "proxy-rejected");
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("dangerously-allow-unauthenticated") && message.contains("allowedHeaders"));
}

#[wasm_bindgen_test]
async fn aborting_an_overview_cancels_it_promptly() {
    inject(r#"{"path":"/v1/clusters/prod-eu/topics","delayMs":3000,"count":3}"#).await;
    let controller = web_sys::AbortController::new().unwrap();
    let token = token_for("developer@example.com").await;
    let entity = annotations(&[("conduktor.io/topics", "prod-eu/payments.orders, prod-eu/click.*")]);
    let call =
        fetch_entity_overview(token.into(), SIM_URL.into(), entity, options(&[("signal", controller.signal().into())]));
    let promise = wasm_bindgen_futures::future_to_promise(call);
    sleep_ms(100).await;
    let started = js_sys::Date::now();
    controller.abort();
    let (kind, _) = rejection(wasm_bindgen_futures::JsFuture::from(promise).await).await;
    assert_eq!(kind, "aborted");
    assert!(js_sys::Date::now() - started < 1000.0, "rejected long before the delayed answers");
    Request::delete(&format!("{SIM_URL}/sim/faults")).send().await.unwrap();
}

#[wasm_bindgen_test]
fn the_suite_runs_where_it_is_configured_to() {
    let has_window = Reflect::has(&js_sys::global(), &"window".into()).unwrap();
    assert_eq!(has_window, cfg!(not(feature = "worker-tests")), "page vs dedicated worker");
}

#[wasm_bindgen_test]
async fn two_users_see_what_consoles_rbac_lets_them_see() {
    let payments = token_with_groups("pat@example.com", &["payments-developers"]).await;
    let analytics = token_with_groups("ana@example.com", &["analytics-engineers"]).await;
    let clusters = fetch_clusters(payments.clone().into(), SIM_URL.into(), options(&[])).await.unwrap();
    assert_eq!(names(&clusters), vec!["prod-eu", "staging"]);
    let clusters = fetch_clusters(analytics.clone().into(), SIM_URL.into(), options(&[])).await.unwrap();
    assert_eq!(names(&clusters), vec!["prod-eu"]);
    let topics = fetch_topics(payments.into(), SIM_URL.into(), "prod-eu".into(), options(&[])).await.unwrap();
    assert_eq!(names(&topics), vec!["payments.orders", "payments.refunds", "payments.ledger"]);
    let topics = fetch_topics(analytics.clone().into(), SIM_URL.into(), "prod-eu".into(), options(&[])).await.unwrap();
    assert_eq!(names(&topics), vec!["click.pageviews", "click.sessions", "inventory.stock"]);
    let (kind, _) =
        rejection(fetch_topics(analytics.into(), SIM_URL.into(), "staging".into(), options(&[])).await).await;
    assert_eq!(kind, "forbidden", "a cluster the user may not see");
}

#[wasm_bindgen_test]
async fn a_user_in_no_conduktor_group_sees_nothing_without_an_error() {
    let nobody = token_with_groups("new@example.com", &["marketing"]).await;
    let overview =
        fetch_entity_overview(nobody.into(), SIM_URL.into(), JsValue::UNDEFINED, options(&[])).await.unwrap();
    assert_eq!(Array::from(&get(&overview, "clusters")).length(), 0);
    assert_eq!(Array::from(&get(&overview, "problems")).length(), 0);
}

#[wasm_bindgen_test]
async fn the_overview_reports_what_rbac_hides_beside_what_it_shows() {
    let analytics = token_with_groups("ana@example.com", &["analytics-engineers"]).await;
    let entity = annotations(&[(
        "conduktor.io/topics",
        "prod-eu/click.pageviews, prod-eu/payments.orders, staging/payments.orders",
    )]);
    let overview = fetch_entity_overview(analytics.into(), SIM_URL.into(), entity, options(&[])).await.unwrap();
    assert_eq!(names(&get(&overview, "topics")), vec!["click.pageviews"]);
    let problems: Vec<(String, String)> = Array::from(&get(&overview, "problems"))
        .iter()
        .map(|p| (get(&p, "kind").as_string().unwrap(), get(&p, "cluster").as_string().unwrap()))
        .collect();
    // payments.orders on prod-eu: the search shows nothing, the GET by name asked beside
    // it says why (RBAC); on staging the whole cluster is refused, and not listed.
    assert_eq!(
        problems,
        vec![
            ("forbidden".to_string(), "prod-eu".to_string()),
            ("forbidden".to_string(), "staging".to_string()),
            ("not-found".to_string(), "staging".to_string()),
        ]
    );
}

/// A simulator started with `--scale clusters=1,topics=100000,groups=20000`.
const SCALE_SIM_URL: &str = match option_env!("CONDUKTOR_SCALE_SIM_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:28916",
};

async fn scale_admin_token() -> String {
    let response = Request::post(&format!("{SCALE_SIM_URL}/idp/token"))
        .header("Content-Type", "application/json")
        .body(r#"{"email":"admin@example.com","groups":["conduktor-admins"]}"#)
        .unwrap()
        .send()
        .await
        .expect("the scale simulator must be running: scripts/test.sh starts it");
    let json: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    json["id_token"].as_str().unwrap().to_string()
}

/// The request log's (count, body bytes) of Console API calls since the last clear.
async fn scale_traffic() -> (usize, u64) {
    let response = Request::get(&format!("{SCALE_SIM_URL}/sim/requests")).send().await.unwrap();
    let log: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    let api: Vec<&serde_json::Value> =
        log.as_array().unwrap().iter().filter(|r| r["path"].as_str().unwrap_or("").contains("/public/")).collect();
    (api.len(), api.iter().map(|r| r["responseBytes"].as_u64().expect("sized bodies")).sum())
}

fn sorted_names(array: &JsValue) -> Vec<String> {
    let mut names = names(array);
    names.sort();
    names
}

/// Issue 9: requests scale with what the entity shows, not with the cluster's size.
#[wasm_bindgen_test]
async fn the_overview_of_a_big_cluster_costs_what_the_entity_shows() {
    let token = scale_admin_token().await;
    let literals = [
        "analytics.svc98.events-99991",
        "shipping.svc10.events-88883",
        "orders.svc22.events-77777",
        "search.svc32.events-66661",
        "orders.svc44.events-55553",
    ];
    let prefix = "payments.svc3.events-1";
    let groups = ["payments-consumer-19992", "orders-consumer-19993", "inventory-consumer-19994"];
    let topics_value =
        literals.iter().map(|t| format!("scale-0/{t}")).chain([format!("scale-0/{prefix}*")]).collect::<Vec<_>>();
    let groups_value = groups.iter().map(|g| format!("scale-0/{g}")).collect::<Vec<_>>();
    let entity = annotations(&[
        ("conduktor.io/topics", &topics_value.join(",")),
        ("conduktor.io/consumer-groups", &groups_value.join(",")),
        ("conduktor.io/application", "scale-app"),
    ]);
    let scale_options = || options(&[("timeoutMs", 60_000.into())]);

    Request::delete(&format!("{SCALE_SIM_URL}/sim/requests")).send().await.unwrap();
    let overview =
        fetch_entity_overview(token.clone().into(), SCALE_SIM_URL.into(), entity, scale_options()).await.unwrap();
    let (requests, bytes) = scale_traffic().await;
    console_log!("overview of a 100 000-topic cluster: {requests} requests, {bytes} bytes of response bodies");
    assert!(requests <= 20, "{requests} requests");
    assert!(bytes <= 200_000, "{bytes} bytes of response bodies");

    // The same answer from the full lists: 100 000 topics and 20 000 groups.
    Request::delete(&format!("{SCALE_SIM_URL}/sim/requests")).send().await.unwrap();
    let all_topics =
        fetch_topics(token.clone().into(), SCALE_SIM_URL.into(), "scale-0".into(), scale_options()).await.unwrap();
    let all_names = names(&all_topics);
    assert_eq!(all_names.len(), 100_000);
    let owned: Vec<String> = Array::from(&all_topics)
        .iter()
        .filter(|t| get(t, "ownerApplication").as_string().as_deref() == Some("scale-app"))
        .map(|t| get(&t, "name").as_string().unwrap())
        .collect();
    assert!((25..=35).contains(&owned.len()), "about 30 owned topics: {}", owned.len());
    let mut expected: Vec<String> = all_names
        .iter()
        .filter(|n| literals.contains(&n.as_str()) || n.starts_with(prefix) || owned.contains(n))
        .cloned()
        .collect();
    expected.sort();
    assert_eq!(sorted_names(&get(&overview, "topics")), expected);

    let big_pages = options(&[("pageSize", 1000.into()), ("maxPages", 50.into()), ("timeoutMs", 60_000.into())]);
    let all_groups =
        fetch_consumer_groups(token.into(), SCALE_SIM_URL.into(), "scale-0".into(), big_pages).await.unwrap();
    assert_eq!(Array::from(&all_groups).length(), 20_000);
    let (full_requests, full_bytes) = scale_traffic().await;
    console_log!("the same from the full lists: {full_requests} requests, {full_bytes} bytes of response bodies");
    let mut expected_groups: Vec<String> = names(&all_groups)
        .into_iter()
        .filter(|g| groups.contains(&g.as_str()) || g.starts_with("scale-app-"))
        .collect();
    expected_groups.sort();
    assert_eq!(sorted_names(&get(&overview, "consumerGroups")), expected_groups);
    assert_eq!(Array::from(&get(&overview, "problems")).length(), 0);

    // An entity without annotations: the user's clusters, one small request.
    Request::delete(&format!("{SCALE_SIM_URL}/sim/requests")).send().await.unwrap();
    fetch_entity_overview(scale_admin_token().await.into(), SCALE_SIM_URL.into(), JsValue::UNDEFINED, scale_options())
        .await
        .unwrap();
    let (requests, bytes) = scale_traffic().await;
    console_log!("a cluster-only entity: {requests} request, {bytes} bytes of response bodies");
    assert_eq!(requests, 1);
}

/// Current size of the core's linear memory (it only ever grows).
fn wasm_memory_bytes() -> f64 {
    let buffer = Reflect::get(&wasm_bindgen::memory(), &"buffer".into()).unwrap();
    Reflect::get(&buffer, &"byteLength".into()).unwrap().as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn an_abort_storm_settles_every_call_and_a_thousand_overviews_keep_memory_flat() {
    let token = token_for("developer@example.com").await;
    let entity = || annotations(&[("conduktor.io/topics", "prod-eu/payments.orders")]);
    // 200 overviews started and cancelled at once, as rapid entity changes would.
    let mut storm = Vec::new();
    for round in 0..200 {
        let controller = web_sys::AbortController::new().unwrap();
        let signal = options(&[("signal", controller.signal().into())]);
        let promise = crate::fetch_entity_overview(token.clone().into(), SIM_URL.into(), entity(), signal);
        if round % 2 == 0 {
            controller.abort_with_reason(&"unmounted".into());
        } else {
            controller.abort();
        }
        storm.push(promise);
    }
    let settled =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&storm.into_iter().collect::<Array>()))
            .await
            .unwrap();
    let settled = Array::from(&settled);
    assert_eq!(settled.length(), 200, "every call settles");
    for outcome in settled.iter() {
        if get(&outcome, "status").as_string().as_deref() == Some("rejected") {
            assert_eq!(get(&get(&outcome, "reason"), "kind").as_string().as_deref(), Some("aborted"));
        }
    }
    // Repeated overviews: after a warm-up, linear memory must not keep growing.
    for _ in 0..20 {
        fetch_entity_overview(token.clone().into(), SIM_URL.into(), entity(), options(&[])).await.unwrap();
    }
    let before = wasm_memory_bytes();
    let started = js_sys::Date::now();
    for _ in 0..1000 {
        fetch_entity_overview(token.clone().into(), SIM_URL.into(), entity(), options(&[])).await.unwrap();
    }
    let growth = wasm_memory_bytes() - before;
    let elapsed = js_sys::Date::now() - started;
    console_log!("1000 overviews in {elapsed} ms grew wasm memory by {growth} bytes (from {before})");
    assert!(growth <= 2.0 * 1024.0 * 1024.0, "wasm memory grew {growth} bytes over 1000 overviews");
}

/// The simulator checks what it receives against Console's published OpenAPI document
/// when started with `--openapi` (scripts/check.sh does); this report is its verdict.
async fn conformance_report(method: &str) -> serde_json::Value {
    let url = format!("{SIM_URL}/sim/conformance");
    let request = if method == "DELETE" { Request::delete(&url) } else { Request::get(&url) };
    let response = request.send().await.unwrap();
    assert!(
        response.ok(),
        "the simulator must run with --openapi ../shared/real-api/console-openapi-excerpt.yaml ({})",
        response.status()
    );
    serde_json::from_str(&response.text().await.unwrap_or_default()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn every_request_the_core_sends_is_one_consoles_openapi_document_allows() {
    conformance_report("DELETE").await;
    let admin = token_for("conformance@example.com").await;
    let developer = token_with_groups("dev-conformance@example.com", &["payments-developers"]).await;
    let paged = options(&[("pageSize", 2.into()), ("maxPages", 3.into())]);
    for token in [&admin, &developer] {
        let t = || JsValue::from(token.as_str());
        fetch_clusters(t(), SIM_URL.into(), options(&[])).await.unwrap();
        fetch_topics(t(), SIM_URL.into(), "prod-eu".into(), options(&[])).await.unwrap();
        fetch_consumer_groups(t(), SIM_URL.into(), "prod-eu".into(), paged.clone()).await.unwrap();
        let _ = fetch_application(t(), SIM_URL.into(), "payments".into(), options(&[])).await;
        let _ = fetch_application_instances(t(), SIM_URL.into(), "payments".into(), options(&[])).await;
        let entity = annotations(&[
            ("conduktor.io/topics", "prod-eu/payments.*, prod-eu/payments.orders, staging/payments.orders"),
            ("conduktor.io/consumer-groups", "prod-eu/payments-processor"),
            ("conduktor.io/application", "payments"),
            ("conduktor.io/clusters", "staging"),
        ]);
        fetch_entity_overview(t(), SIM_URL.into(), entity, paged.clone()).await.unwrap();
        fetch_entity_overview(t(), SIM_URL.into(), JsValue::UNDEFINED, options(&[])).await.unwrap();
    }
    let report = conformance_report("GET").await;
    assert!(report["checked"].as_u64().unwrap_or(0) >= 20, "{report}");
    assert_eq!(report["violations"], serde_json::json!([]), "requests or answers outside Console's contract: {report}");
}
