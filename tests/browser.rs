//! Browser tests of the exported API against a running `conduktor-sim`, in headless
//! Chromium (`wasm-pack test --headless --chrome`). The simulator's URL is baked in
//! at compile time from `CONDUKTOR_SIM_URL`, the way gloo's tests find httpbin.

use conduktor_card_core::fetch_clusters;
use gloo_net::http::Request;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SIM_URL: &str = match option_env!("CONDUKTOR_SIM_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:28917",
};

/// The simulator serves Console under `/api`, as the proxy target does in production.
fn options(extra: &[(&str, JsValue)]) -> Option<Object> {
    let object = Object::new();
    Reflect::set(&object, &"proxyPath".into(), &"/api".into()).unwrap();
    for (key, value) in extra {
        Reflect::set(&object, &(*key).into(), value).unwrap();
    }
    Some(object)
}

async fn token_for(email: &str) -> String {
    let body = format!(r#"{{"email":"{email}","groups":["payments"]}}"#);
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
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "rejections are Error instances"
    );
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("ConduktorError")
    );
    (get(&error, "kind").as_string().unwrap(), error)
}

#[wasm_bindgen_test]
async fn lists_the_simulators_clusters_without_secrets() {
    let token = token_for("developer@example.com").await;
    let clusters = fetch_clusters(token.clone().into(), SIM_URL.into(), options(&[]))
        .await
        .unwrap();
    let clusters: Array = clusters.dyn_into().expect("an array");
    assert_eq!(clusters.length(), 3);
    let first = clusters.get(0);
    assert_eq!(get(&first, "name").as_string().as_deref(), Some("prod-eu"));
    assert_eq!(
        get(&first, "displayName").as_string().as_deref(),
        Some("Production EU")
    );
    assert_eq!(get(&first, "color").as_string().as_deref(), Some("#E74C3C"));
    assert_eq!(
        get(&get(&first, "labels"), "env").as_string().as_deref(),
        Some("prod"),
        "labels are a plain object"
    );
    assert!(
        get(&clusters.get(2), "color").is_null(),
        "missing values are null"
    );
    let text: String = JSON::stringify(&clusters).unwrap().into();
    assert!(
        !text.contains("SIM-SECRET"),
        "a planted secret reached JavaScript: {text}"
    );
    assert!(!text.contains(&token));
}

#[wasm_bindgen_test]
async fn a_token_console_rejects_is_unauthorized() {
    let (kind, error) =
        rejection(fetch_clusters("not.a.jwt".into(), SIM_URL.into(), options(&[])).await).await;
    assert_eq!(kind, "unauthorized");
    assert_eq!(get(&error, "status").as_f64(), Some(401.0));
    assert_eq!(
        get(&error, "title").as_string().as_deref(),
        Some("The user is not authenticated")
    );
    let message = get(&error, "message").as_string().unwrap();
    assert!(
        !message.contains("not.a.jwt"),
        "the token leaked into the message: {message}"
    );
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
    let (kind, error) =
        rejection(fetch_clusters("t".into(), "http://127.0.0.1:9".into(), None).await).await;
    assert_eq!(kind, "network");
    assert!(get(&error, "status").is_undefined());
}

#[wasm_bindgen_test]
async fn a_wrong_path_is_not_found_with_a_hint() {
    let token = token_for("developer@example.com").await;
    let wrong_path = options(&[("proxyPath", "/nowhere".into())]);
    let (kind, error) =
        rejection(fetch_clusters(token.into(), SIM_URL.into(), wrong_path).await).await;
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
    let call = fetch_clusters(
        token.into(),
        SIM_URL.into(),
        options(&[("signal", controller.signal().into())]),
    );
    // Start the call (futures are lazy), let it reach the fetch, then abort with a
    // non-Error reason while the request is in flight.
    let promise = wasm_bindgen_futures::future_to_promise(call);
    sleep_ms(1).await;
    controller.abort_with_reason(&"user navigated away".into());
    let (kind, _) = rejection(wasm_bindgen_futures::JsFuture::from(promise).await).await;
    assert_eq!(kind, "aborted");
}

async fn sleep_ms(ms: i32) {
    let set_timeout: js_sys::Function = Reflect::get(&js_sys::global(), &"setTimeout".into())
        .unwrap()
        .into();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        set_timeout
            .call2(&JsValue::NULL, &resolve, &JsValue::from(ms))
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
