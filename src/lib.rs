//! Rust/WebAssembly core of the Conduktor card for Backstage.
//!
//! JavaScript calls `fetchClusters(token, proxyBase, options?)`. The core validates
//! its input, calls Conduktor Console through the Backstage proxy with the browser's
//! native `fetch` (`Authorization: Bearer <token>` to
//! `${proxyBase}/conduktor/public/...`), decodes the answer into display-safe view
//! models (secrets are dropped while parsing) and returns plain JS objects. Every
//! failure rejects with a `ConduktorError` carrying a stable `kind`.

mod annotations;
mod bounded;
mod cache;
mod classify;
mod client;
mod error;
mod js_boundary;
mod json;
mod links;
mod model;
mod options;
mod overview;
mod request;
mod token;
mod transport;

// The browser tests live in tests/ but run inside this crate's test binary: an
// integration test would need `crate-type = "rlib"`, which disables LTO.
#[cfg(all(test, target_arch = "wasm32"))]
#[path = "../tests/browser.rs"]
mod browser_tests;

// Property-based fuzzing of the pure parts (src/fuzz/mod.rs says how to run it long).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;
// The bad-input matrix of issue 8, the cases pure code decides.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod bad_input;

pub use error::{CoreError, ErrorKind};

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::js_boundary::{into_js_error, to_js};
use crate::options::CallOptions;
use crate::request::{Endpoint, Token};

/// What an export asks for; `run` does the shared part (input validation, links,
/// the hand-off to JavaScript) once for all of them.
enum Job {
    Clusters,
    Topics,
    ConsumerGroups,
    Application,
    Instances,
    Overview,
}

/// Starts a job as a Promise. One promise adapter and one state machine for every
/// export keeps the wasm small.
fn start(job: Job, token: JsValue, proxy_base: JsValue, argument: JsValue, options: Option<js_sys::Object>) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        run(job, token, proxy_base, argument, options).await.map_err(into_js_error)
    })
}

async fn run(
    job: Job,
    token: JsValue,
    proxy_base: JsValue,
    argument: JsValue,
    options: Option<js_sys::Object>,
) -> Result<JsValue, CoreError> {
    let call = client::Call::from_js(token, proxy_base, options)?;
    let links = call.links();
    let name = |what: &str| client::name_argument(argument.as_string(), what);
    match job {
        // The whole lists are written as JSON item by item, never held as structs.
        Job::Clusters => js_boundary::json_to_js(&call.clusters_json().await?),
        Job::Topics => js_boundary::json_to_js(&call.topics_json(&name("cluster")?).await?),
        Job::ConsumerGroups => {
            let (json, paging) = call.consumer_groups_json(&name("cluster")?).await?;
            js_boundary::listing_to_js(&json, paging.truncated, paging.total_elements.as_ref())
        }
        Job::Application => {
            let mut application = call.application(&name("application")?).await?;
            if let Some(links) = links {
                links.add_to_application(&mut application);
            }
            to_js(&application)
        }
        Job::Instances => to_js(&call.instances(&name("application")?).await?),
        Job::Overview => {
            let refs = annotations::parse(&js_boundary::string_map(&argument)?)?;
            let mut overview = overview::fetch_overview(&call, &refs).await?;
            if let Some(links) = links {
                links.add_to_overview(&mut overview);
            }
            to_js(&overview)
        }
    }
}

impl client::Call {
    fn from_js(token: JsValue, proxy_base: JsValue, options: Option<js_sys::Object>) -> Result<Self, CoreError> {
        let options = CallOptions::from_js(&options.map(JsValue::from).unwrap_or_default())?;
        Ok(client::Call {
            token: Token::parse(token.as_string())?,
            endpoint: Endpoint::parse(proxy_base.as_string(), options.proxy_path.clone())?,
            options,
        })
    }
}

/// Lists the Kafka clusters the signed-in user may see in Conduktor Console.
#[wasm_bindgen(js_name = fetchClusters, unchecked_return_type = "Promise<KafkaCluster[]>")]
pub fn fetch_clusters(
    #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    #[wasm_bindgen(js_name = proxyBase, unchecked_param_type = "string")] proxy_base: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FetchOptions")] options: Option<js_sys::Object>,
) -> Promise {
    start(Job::Clusters, token, proxy_base, JsValue::UNDEFINED, options)
}

/// Lists the topics of one cluster the user may see (Console's v2 topic list).
#[wasm_bindgen(js_name = fetchTopics, unchecked_return_type = "Promise<Topic[]>")]
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
#[wasm_bindgen(js_name = fetchConsumerGroups, unchecked_return_type = "Promise<ConsumerGroupList>")]
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
#[wasm_bindgen(js_name = fetchApplicationInstances, unchecked_return_type = "Promise<ApplicationInstance[]>")]
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
        to_js(&token::inspect(&token, js_sys::Date::now())?)
    };
    inspect().map_err(into_js_error)
}
