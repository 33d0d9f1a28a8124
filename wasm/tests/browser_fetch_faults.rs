//! The bad-input matrix (issue 8), fetch side: what only a real `fetch` can produce
//! — a host that does not resolve, 20 MB bodies, a corrupt gzip encoding, the wrong
//! content type, an empty 200, statuses through the network stack, aborts after the
//! response arrived and aborts with reasons that are not `Error`s. Each case asserts
//! the exact error `kind`. The simulator's `--test-controls` inject the faults
//! (sim/README.md); `/sim/inflight` shows what an abort left running.
//!
//! Compiled into the same test binary as `browser.rs` (a child module of it: see
//! src/lib.rs for why the browser tests are not integration tests), so it runs in the
//! page and, with `--features worker-tests`, in a dedicated worker.

use super::*;

// The same configuration as browser.rs (the custom section takes the same byte
// twice, which the runner accepts), so this file keeps working if it is ever
// compiled on its own.
#[cfg(not(feature = "worker-tests"))]
wasm_bindgen_test_configure!(run_in_browser);
#[cfg(feature = "worker-tests")]
wasm_bindgen_test_configure!(run_in_dedicated_worker);

async fn sim_json(path: &str) -> serde_json::Value {
    let response = Request::get(&format!("{SIM_URL}{path}")).send().await.unwrap();
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

/// The simulator's `/sim/inflight` counters once `inFlight` equals `expected`, or
/// after `within_ms`.
async fn in_flight_reaches(expected: u64, within_ms: f64) -> serde_json::Value {
    let deadline = js_sys::Date::now() + within_ms;
    loop {
        let counters = sim_json("/sim/inflight").await;
        if counters["inFlight"].as_u64() == Some(expected) || js_sys::Date::now() > deadline {
            return counters;
        }
        sleep_ms(10).await;
    }
}

/// Waits until the simulator has logged a request for a path containing `fragment`
/// (it logs one when its answer is ready, before the body is sent).
async fn answered(fragment: &str) {
    let deadline = js_sys::Date::now() + 5_000.0;
    while logged_requests(fragment).await == 0 {
        assert!(js_sys::Date::now() < deadline, "the simulator never answered {fragment}");
        sleep_ms(10).await;
    }
}

fn message(error: &JsValue) -> String {
    get(error, "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_host_that_does_not_resolve_is_a_network_error_at_once() {
    // `.invalid` never resolves (RFC 6761); offline, the lookup must still fail fast
    // rather than wait for the timeout.
    let started = js_sys::Date::now();
    let base = "http://conduktor-console.invalid/api";
    let slow = options(&[("timeoutMs", 10_000.into())]);
    let (kind, error) = rejection(fetch_clusters("t".into(), base.into(), slow).await).await;
    let elapsed = js_sys::Date::now() - started;
    console_log!("an unresolvable host failed after {elapsed} ms: {}", message(&error));
    assert_eq!(kind, "network");
    assert!(get(&error, "status").is_undefined());
    assert!(message(&error).contains("conduktor-console.invalid"), "names the host: {}", message(&error));
    assert!(elapsed < 3_000.0, "a DNS failure took {elapsed} ms");
}

#[wasm_bindgen_test]
async fn a_20_mb_list_decodes_without_secrets_and_a_20_mb_invalid_one_is_a_decode_error() {
    let token = token_for("large@example.com").await;
    let slow = || options(&[("timeoutMs", 120_000.into())]);
    inject(r#"{"path":"/console/v2/kafka-cluster","body":"large"}"#).await;
    let memory_before = wasm_memory_bytes();
    let started = js_sys::Date::now();
    let clusters = fetch_clusters(token.clone().into(), SIM_URL.into(), slow()).await.unwrap();
    let elapsed = js_sys::Date::now() - started;
    let clusters = Array::from(&clusters);
    console_log!(
        "a 20 MB cluster list: {} clusters in {elapsed} ms, wasm memory {} -> {} bytes",
        clusters.length(),
        memory_before,
        wasm_memory_bytes()
    );
    assert!(clusters.length() > 3_000, "{} clusters", clusters.length());
    let mut seen = std::collections::BTreeSet::new();
    for cluster in clusters.iter() {
        seen.insert(get(&cluster, "name").as_string().unwrap());
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), vec!["dev", "prod-eu", "staging"]);
    let text: String = JSON::stringify(&clusters).unwrap().into();
    assert!(!text.contains("SIM-SECRET"), "a planted secret in a 20 MB answer reached JavaScript");

    inject(r#"{"path":"/console/v2/kafka-cluster","body":"large-invalid"}"#).await;
    let (kind, error) = rejection(fetch_clusters(token.into(), SIM_URL.into(), slow()).await).await;
    console_log!("a 20 MB invalid list: {}", message(&error));
    assert_eq!(kind, "decode");
    assert_eq!(get(&error, "status").as_f64(), None, "a 2xx answer carries no status");
    assert!(message(&error).len() < 1_000, "the message does not echo the body");
}

#[wasm_bindgen_test]
async fn a_corrupt_gzip_body_is_a_network_error_that_says_the_answer_broke_off() {
    inject(r#"{"path":"/self-serve/v1/application/payments","body":"gzip-corrupt"}"#).await;
    let token = token_for("developer@example.com").await;
    let (kind, error) =
        rejection(fetch_application(token.into(), SIM_URL.into(), "payments".into(), options(&[])).await).await;
    console_log!("a corrupt gzip body: kind {kind}: {}", message(&error));
    // The browser reports a body it cannot decode exactly like a connection that
    // broke while the body arrived (a TypeError from the body read), so `network`
    // is the kind the core can know.
    assert_eq!(kind, "network");
    // Regression (found by this test): the message once said the proxy "could not be
    // reached" although an answer (200) arrived and only its body failed.
    assert!(
        !message(&error).contains("could not reach") && message(&error).contains("broke off after status 200"),
        "a body that failed after a 200 must say so: {}",
        message(&error)
    );
}

#[wasm_bindgen_test]
async fn a_json_body_is_read_whatever_its_content_type_and_html_on_a_200_is_a_decode_error() {
    let token = token_for("developer@example.com").await;
    inject(r#"{"path":"/self-serve/v1/application/clickstream","contentType":"text/plain"}"#).await;
    let app =
        fetch_application(token.clone().into(), SIM_URL.into(), "clickstream".into(), options(&[])).await.unwrap();
    assert_eq!(get(&app, "name").as_string().as_deref(), Some("clickstream"), "Console's JSON as text/plain");

    inject(r#"{"path":"/self-serve/v1/application/clickstream","contentType":""}"#).await;
    let app =
        fetch_application(token.clone().into(), SIM_URL.into(), "clickstream".into(), options(&[])).await.unwrap();
    assert_eq!(get(&app, "name").as_string().as_deref(), Some("clickstream"), "no Content-Type at all");

    // A login page or a proxy's HTML answered with 200: not Console's answer.
    inject(r#"{"path":"/self-serve/v1/application/clickstream","status":200,"body":"html"}"#).await;
    let (kind, error) =
        rejection(fetch_application(token.into(), SIM_URL.into(), "clickstream".into(), options(&[])).await).await;
    assert_eq!(kind, "decode");
    assert!(
        message(&error).contains("a web page instead of its API") && message(&error).contains("without /api"),
        "points at the proxy target: {}",
        message(&error)
    );
}

#[wasm_bindgen_test]
async fn an_empty_200_is_a_decode_error() {
    inject(r#"{"path":"/self-serve/v1/application-instance","status":200,"body":"empty","contentType":""}"#).await;
    let token = token_for("developer@example.com").await;
    let (kind, error) =
        rejection(fetch_application_instances(token.into(), SIM_URL.into(), "payments".into(), options(&[])).await)
            .await;
    assert_eq!(kind, "decode");
    assert!(message(&error).contains("ends in /api"), "{}", message(&error));
}

#[wasm_bindgen_test]
async fn statuses_through_fetch_keep_their_kind_status_and_consoles_title() {
    let token = token_for("developer@example.com").await;
    // (status, kind, Console's title for it, Retry-After, retryAfterMs)
    let cases = [
        (400, "http", "Bad Request", None, None),
        (408, "http", "Request Timeout", None, None),
        (409, "http", "Conflict", None, None),
        (503, "server", "Service Unavailable", Some("30"), Some(30_000.0)),
        (504, "server", "Gateway Timeout", None, None),
    ];
    for (status, expected_kind, title, retry_after, retry_after_ms) in cases {
        // The application's name only selects the fault; its real answer would be a 404.
        let name = format!("status-{status}");
        let path = format!("/self-serve/v1/application/{name}");
        let retry = retry_after.map(|s| format!(r#","retryAfter":"{s}""#)).unwrap_or_default();
        // Ten armed answers: Chrome may resend a request on its own when a 408 comes back
        // on a reused connection (seen: up to three resends), and a resend must fail the
        // same way.
        inject(&format!(r#"{{"path":"{path}","status":{status},"body":"console","count":10{retry}}}"#)).await;
        let before = logged_requests(&path).await;
        let (kind, error) =
            rejection(fetch_application(token.clone().into(), SIM_URL.into(), name.into(), options(&[])).await).await;
        let sent = logged_requests(&path).await - before;
        console_log!("{status}: kind {kind}, {sent} request(s): {}", message(&error));
        assert_eq!(kind, expected_kind, "{status}");
        // Chrome resends by itself after a 408 on a reused connection (seen: 2 to 4
        // requests); the page sees one answer.
        assert!((1..=10).contains(&sent), "{status}: {sent} requests");
        assert_eq!(get(&error, "status").as_f64(), Some(f64::from(status)), "{status}");
        assert_eq!(get(&error, "title").as_string().as_deref(), Some(title), "{status}");
        assert_eq!(get(&error, "retryAfterMs").as_f64(), retry_after_ms, "{status}");
        assert!(message(&error).contains(&status.to_string()), "{status}: {}", message(&error));
    }
    Request::delete(&format!("{SIM_URL}/sim/faults")).send().await.unwrap();
}

#[wasm_bindgen_test]
async fn aborting_after_the_response_arrived_but_before_its_body_rejects_as_aborted() {
    // The status and headers come at once, the body 3 s later: fetch has resolved
    // and the core is reading the body when the caller aborts.
    inject(r#"{"path":"/self-serve/v1/application/payments","bodyDelayMs":3000}"#).await;
    let token = token_for("late-body@example.com").await;
    Request::delete(&format!("{SIM_URL}/sim/inflight")).send().await.unwrap();
    let controller = web_sys::AbortController::new().unwrap();
    let call = fetch_application(
        token.into(),
        SIM_URL.into(),
        "payments".into(),
        options(&[("signal", controller.signal().into())]),
    );
    let promise = wasm_bindgen_futures::future_to_promise(call);
    answered("/self-serve/v1/application/payments").await;
    sleep_ms(50).await;
    let started = js_sys::Date::now();
    controller.abort_with_reason(&JsValue::from_f64(42.0));
    let (kind, _) = rejection(wasm_bindgen_futures::JsFuture::from(promise).await).await;
    assert_eq!(kind, "aborted");
    assert!(js_sys::Date::now() - started < 1_000.0, "rejected long before the late body");
    let counters = in_flight_reaches(0, 2_000.0).await;
    console_log!("after aborting during the body: {counters}");
    assert_eq!(counters["inFlight"], 0, "the simulator stopped sending: {counters}");
    assert_eq!(counters["cancelled"], 1, "{counters}");
}

#[wasm_bindgen_test]
async fn a_timeout_while_the_body_is_late_is_a_timeout() {
    inject(r#"{"path":"/self-serve/v1/application-instance","bodyDelayMs":3000}"#).await;
    let token = token_for("late-body@example.com").await;
    let fast = options(&[("timeoutMs", 500.into())]);
    let started = js_sys::Date::now();
    let (kind, error) =
        rejection(fetch_application_instances(token.into(), SIM_URL.into(), "clickstream".into(), fast).await).await;
    assert_eq!(kind, "timeout");
    assert!(message(&error).contains("500 ms"));
    assert!(js_sys::Date::now() - started < 2_500.0);
}

#[wasm_bindgen_test]
async fn aborting_after_the_call_settled_changes_nothing() {
    let token = token_for("settled@example.com").await;
    let cached =
        |signal: &web_sys::AbortSignal| options(&[("cacheTtlMs", 60_000.into()), ("signal", signal.clone().into())]);
    let controller = web_sys::AbortController::new().unwrap();
    let before = logged_requests("/application/clickstream").await;
    let app =
        fetch_application(token.clone().into(), SIM_URL.into(), "clickstream".into(), cached(&controller.signal()))
            .await
            .unwrap();
    controller.abort_with_reason(&"unmounted after the answer".into());
    assert_eq!(get(&app, "title").as_string().as_deref(), Some("Clickstream"), "the answer is untouched");
    // The stored answer was not poisoned by the later abort.
    let fresh = web_sys::AbortController::new().unwrap();
    let again =
        fetch_application(token.into(), SIM_URL.into(), "clickstream".into(), cached(&fresh.signal())).await.unwrap();
    assert_eq!(get(&again, "title").as_string().as_deref(), Some("Clickstream"));
    assert_eq!(logged_requests("/application/clickstream").await - before, 1, "served from the cache");
}

#[wasm_bindgen_test]
async fn an_already_aborted_signal_rejects_even_when_the_answer_is_cached() {
    let token = token_for("cached-abort@example.com").await;
    let cached = |extra: Option<&web_sys::AbortSignal>| {
        let mut pairs = vec![("cacheTtlMs", JsValue::from(60_000))];
        if let Some(signal) = extra {
            pairs.push(("signal", signal.clone().into()));
        }
        options(&pairs)
    };
    fetch_application(token.clone().into(), SIM_URL.into(), "payments".into(), cached(None)).await.unwrap();
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort_with_reason(&"navigated away".into());
    let result =
        fetch_application(token.into(), SIM_URL.into(), "payments".into(), cached(Some(&controller.signal()))).await;
    // Regression (found by this test): with a fresh cached answer the core once
    // resolved although the caller's signal was aborted before the call; an API taking
    // an AbortSignal rejects at once when it is already aborted, as fetch does.
    assert!(result.is_err(), "an aborted signal was served the cached answer");
    let (kind, _) = rejection(result).await;
    assert_eq!(kind, "aborted");
}

#[wasm_bindgen_test]
async fn aborting_with_any_reason_during_a_request_is_aborted() {
    // Reasons that are not AbortError DOMExceptions, some dressed as other failures:
    // the kind must come from the signal, not from what the reason looks like.
    let dressed_up = Object::new();
    Reflect::set(&dressed_up, &"kind".into(), &"network".into()).unwrap();
    Reflect::set(&dressed_up, &"name".into(), &"TimeoutError".into()).unwrap();
    let dom_exception: js_sys::Function = Reflect::get(&js_sys::global(), &"DOMException".into()).unwrap().into();
    let timeout_exception =
        Reflect::construct(&dom_exception, &Array::of2(&"looks like a timeout".into(), &"TimeoutError".into()))
            .unwrap();
    let reasons: [(&str, JsValue); 7] = [
        ("null", JsValue::NULL),
        ("0", JsValue::from_f64(0.0)),
        ("false", JsValue::FALSE),
        ("a symbol", js_sys::Symbol::for_("unmount").into()),
        ("an object with kind and name", dressed_up.into()),
        ("a TypeError like a network failure", js_sys::TypeError::new("Failed to fetch").into()),
        ("a TimeoutError DOMException", timeout_exception),
    ];
    let token = token_for("reasons@example.com").await;
    inject(r#"{"path":"/v1/clusters/dev/consumergroups","delayMs":2000,"count":7}"#).await;
    for (label, reason) in reasons {
        let controller = web_sys::AbortController::new().unwrap();
        let call = fetch_consumer_groups(
            token.clone().into(),
            SIM_URL.into(),
            "dev".into(),
            options(&[("signal", controller.signal().into())]),
        );
        let promise = wasm_bindgen_futures::future_to_promise(call);
        let counters = in_flight_reaches(1, 2_000.0).await;
        assert_eq!(counters["inFlight"], 1, "{label}: the request reached the simulator");
        controller.abort_with_reason(&reason);
        let (kind, error) = rejection(wasm_bindgen_futures::JsFuture::from(promise).await).await;
        assert_eq!(kind, "aborted", "{label}: {}", message(&error));
        assert_eq!(in_flight_reaches(0, 2_000.0).await["inFlight"], 0, "{label}: the simulator saw the abort");
    }
}
