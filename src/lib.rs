//! Rust/WebAssembly core of the Conduktor card for Backstage.
//!
//! JavaScript calls `fetchClusters(token, proxyBase, options?)`. The core validates
//! its input, calls Conduktor Console through the Backstage proxy with the browser's
//! native `fetch` (`Authorization: Bearer <token>` to
//! `${proxyBase}/conduktor/public/...`), decodes the answer into display-safe view
//! models (secrets are dropped while parsing) and returns plain JS objects. Every
//! failure rejects with a `ConduktorError` carrying a stable `kind`.

mod classify;
mod error;
mod js_boundary;
mod model;
mod options;
mod request;
mod transport;

pub use error::{CoreError, ErrorKind};
pub use model::{decode_clusters, KafkaCluster, SchemaRegistrySummary};

use wasm_bindgen::prelude::*;

use crate::js_boundary::{into_js_error, to_js};
use crate::options::CallOptions;
use crate::request::{Endpoint, Token};

/// Path of Console's cluster list under the proxy endpoint.
const CLUSTERS_PATH: [&str; 4] = ["public", "console", "v2", "kafka-cluster"];

/// Lists the Kafka clusters the signed-in user may see in Conduktor Console.
#[wasm_bindgen(js_name = fetchClusters, unchecked_return_type = "KafkaCluster[]")]
pub async fn fetch_clusters(
    #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
    #[wasm_bindgen(js_name = proxyBase, unchecked_param_type = "string")] proxy_base: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FetchOptions")] options: Option<js_sys::Object>,
) -> Result<JsValue, JsValue> {
    fetch_clusters_inner(
        token,
        proxy_base,
        options.map(JsValue::from).unwrap_or_default(),
    )
    .await
    .map_err(into_js_error)
}

async fn fetch_clusters_inner(
    token: JsValue,
    proxy_base: JsValue,
    options: JsValue,
) -> Result<JsValue, CoreError> {
    let options = CallOptions::from_js(&options)?;
    let token = Token::parse(token.as_string())?;
    let endpoint = Endpoint::parse(proxy_base.as_string(), options.proxy_path.clone())?;
    let body = transport::get_text(&endpoint.url(&CLUSTERS_PATH), &token, &options).await?;
    to_js(&model::decode_clusters(&body)?)
}
