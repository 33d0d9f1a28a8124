//! The WebAssembly face of the Conduktor card's core (`conduktor-card-core`).
//!
//! JavaScript calls `fetchEntityOverview(token, proxyBase, annotations, options?)`
//! and its siblings. This crate validates the arguments with the core, sends the
//! core's requests through the browser's native `fetch` (`transport`, over gloo-net:
//! `Authorization: Bearer <token>` to `${proxyBase}/conduktor/public/...`) and hands
//! the core's display-safe view models back as plain objects (`boundary`). Every
//! failure rejects with a `ConduktorError` carrying a stable `kind`.

mod boundary;
mod transport;

// The browser tests live in tests/ but run inside this crate's test binary: an
// integration test would need `crate-type = "rlib"`, which turns LTO off.
#[cfg(all(test, target_arch = "wasm32"))]
#[path = "../tests/browser.rs"]
mod browser_tests;

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use conduktor_card_core::client::Client;
use conduktor_card_core::credentials::Token;
use conduktor_card_core::endpoint::{name_argument, Endpoint, NameRule};
use conduktor_card_core::error::CoreError;
use conduktor_card_core::{annotations, inspect, overview};
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::transport::FetchTransport;

// The view models' declarations, generated from the core's Rust types by ts-rs
// (`cargo test -p conduktor-card-core --test typescript` checks they are current).
#[wasm_bindgen(typescript_custom_section)]
const VIEW_MODELS: &str = include_str!("view-models.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const FUNCTION_TYPES: &str = r#"
/** A list with what is known about it: `truncated` when a paged search stopped at
 * `maxPages`, `totalElements` when Console says, and the items left out as `problems`. */
export type List<T> = T[] & ListInfo;

/** What every rejection of this module is. (`cause` narrows `Error.cause`: Console's cause text.) */
export interface ConduktorError extends Error, Omit<ConduktorErrorDetails, 'cause'> {
  name: 'ConduktorError';
  cause?: string;
}
"#;

/// What an export asks for; `run` does the shared part (input validation, the
/// hand-off to JavaScript) once for all of them.
enum Job {
    Clusters,
    Topics,
    ConsumerGroups,
    Application,
    Instances,
    Overview,
}

/// Starts a job as a Promise: one promise adapter for every export.
fn start(job: Job, token: JsValue, proxy_base: JsValue, argument: JsValue, options: Option<js_sys::Object>) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let token = Token::parse(token.as_string()).map_err(boundary::into_js_error)?;
        let result = run(job, token.clone(), proxy_base, argument, options).await;
        // Servers may quote the token back; the client scrubs what it receives, and
        // this is the last place an error could still carry it.
        result.map_err(|error| boundary::into_js_error(token.redact(error)))
    })
}

async fn run(
    job: Job,
    token: Token,
    proxy_base: JsValue,
    argument: JsValue,
    options: Option<js_sys::Object>,
) -> Result<JsValue, CoreError> {
    let (options, signal) = boundary::options(&options.map(JsValue::from).unwrap_or_default())?;
    let options = options.validate()?;
    let endpoint = Endpoint::parse(proxy_base.as_string(), options.proxy_path.clone())?;
    let transport = FetchTransport::new(&token, options.timeout_ms, signal);
    let client = Client::new(transport, token, endpoint, options);
    // Every argument is checked before anything is sent.
    let cluster = || name_argument(argument.as_string(), "cluster", NameRule::Text);
    let application = || name_argument(argument.as_string(), "application", NameRule::ConsoleName);
    match job {
        Job::Clusters => boundary::list_to_js(&client.clusters_json().await?),
        Job::Topics => boundary::list_to_js(&client.topics_json(&cluster()?).await?),
        Job::ConsumerGroups => boundary::list_to_js(&client.consumer_groups_json(&cluster()?).await?),
        Job::Application => boundary::to_js(&client.application(&application()?).await?),
        Job::Instances => boundary::list_to_js(&client.instances_json(&application()?).await?),
        Job::Overview => {
            let refs = annotations::parse(&boundary::annotations(&argument)?.0)?;
            boundary::to_js(&overview::entity_overview(&client, &refs).await?)
        }
    }
}

/// Lists the Kafka clusters the signed-in user may see in Conduktor Console.
#[wasm_bindgen(js_name = fetchClusters, unchecked_return_type = "Promise<List<KafkaCluster>>")]
pub fn fetch_clusters(
    #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    #[wasm_bindgen(js_name = proxyBase, unchecked_param_type = "string")] proxy_base: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FetchOptions")] options: Option<js_sys::Object>,
) -> Promise {
    start(Job::Clusters, token, proxy_base, JsValue::UNDEFINED, options)
}

/// Lists the topics of one cluster the user may see (Console's v2 topic list).
#[wasm_bindgen(js_name = fetchTopics, unchecked_return_type = "Promise<List<Topic>>")]
pub fn fetch_topics(
    #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    #[wasm_bindgen(js_name = proxyBase, unchecked_param_type = "string")] proxy_base: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] cluster: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FetchOptions")] options: Option<js_sys::Object>,
) -> Promise {
    start(Job::Topics, token, proxy_base, cluster, options)
}

/// Lists the consumer groups of one cluster with their state and lag (Console's v1
/// search), following pages up to `maxPages`; the array's `truncated` says whether
/// it stopped early and `totalElements` how many Console has.
#[wasm_bindgen(js_name = fetchConsumerGroups, unchecked_return_type = "Promise<List<ConsumerGroup>>")]
pub fn fetch_consumer_groups(
    #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    #[wasm_bindgen(js_name = proxyBase, unchecked_param_type = "string")] proxy_base: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] cluster: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FetchOptions")] options: Option<js_sys::Object>,
) -> Promise {
    start(Job::ConsumerGroups, token, proxy_base, cluster, options)
}

/// Reads one self-service application.
#[wasm_bindgen(js_name = fetchApplication, unchecked_return_type = "Promise<Application>")]
pub fn fetch_application(
    #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    #[wasm_bindgen(js_name = proxyBase, unchecked_param_type = "string")] proxy_base: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] application: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FetchOptions")] options: Option<js_sys::Object>,
) -> Promise {
    start(Job::Application, token, proxy_base, application, options)
}

/// Lists the instances of one self-service application (cluster, service account,
/// owned resource patterns).
#[wasm_bindgen(js_name = fetchApplicationInstances, unchecked_return_type = "Promise<List<ApplicationInstance>>")]
pub fn fetch_application_instances(
    #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    #[wasm_bindgen(js_name = proxyBase, unchecked_param_type = "string")] proxy_base: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] application: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FetchOptions")] options: Option<js_sys::Object>,
) -> Promise {
    start(Job::Instances, token, proxy_base, application, options)
}

/// The one call the card makes: parses the entity's annotations, plans the
/// requests, runs them concurrently and joins the answers into one view model.
/// Failures about one resource are listed in `problems` beside what loaded.
#[wasm_bindgen(js_name = fetchEntityOverview, unchecked_return_type = "Promise<EntityOverview>")]
pub fn fetch_entity_overview(
    #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    #[wasm_bindgen(js_name = proxyBase, unchecked_param_type = "string")] proxy_base: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, string> | undefined")] annotations: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FetchOptions")] options: Option<js_sys::Object>,
) -> Promise {
    start(Job::Overview, token, proxy_base, annotations, options)
}

/// Reads the claims of a JWT without verifying it, so the card can explain a 401
/// (expired, no email claim, another issuer). Never returns the token or its signature.
#[wasm_bindgen(js_name = inspectToken, unchecked_return_type = "TokenReport")]
pub fn inspect_token(#[wasm_bindgen(unchecked_param_type = "string")] token: JsValue) -> Result<JsValue, JsValue> {
    let inspect = || -> Result<JsValue, CoreError> {
        let token = token.as_string().ok_or_else(|| CoreError::invalid_input("the token must be a string"))?;
        boundary::small_to_js(&inspect::inspect(&token, js_sys::Date::now())?)
    };
    inspect().map_err(boundary::into_js_error)
}
