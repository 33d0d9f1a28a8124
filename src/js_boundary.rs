//! Conversions at the JavaScript boundary: view models become plain objects (one
//! JSON text, one `JSON.parse`; `None` is `null`) and `CoreError`s become
//! `ConduktorError` instances, a real `Error` subclass with `kind` and `status`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{CoreError, ErrorKind};
use crate::json::{self, Number, ToJson};

#[wasm_bindgen(inline_js = r#"
export class ConduktorError extends Error {
  constructor(kind, message, status, title, msg, cause, retryAfterMs) {
    super(message);
    this.name = 'ConduktorError';
    this.kind = kind;
    if (status !== undefined) this.status = status;
    if (title !== undefined) this.title = title;
    if (msg !== undefined) this.msg = msg;
    if (cause !== undefined) this.cause = cause;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}
export function makeConduktorError(kind, message, status, title, msg, cause, retryAfterMs) {
  return new ConduktorError(kind, message, status, title, msg, cause, retryAfterMs);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = makeConduktorError)]
    fn make_conduktor_error(
        kind: &str,
        message: &str,
        status: Option<u16>,
        title: Option<String>,
        msg: Option<String>,
        cause: Option<String>,
        retry_after_ms: Option<f64>,
    ) -> JsValue;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options accepted by every fetch function. */
export interface FetchOptions {
  /** Aborting it rejects the call with kind 'aborted' and cancels the request. */
  signal?: AbortSignal;
  /** Default 15000; the call rejects with kind 'timeout' after it. */
  timeoutMs?: number;
  /** The Backstage proxy endpoint; default '/conduktor'. */
  proxyPath?: string;
  /** Pages a v1 search follows before it stops and says so (truncated); default 10. */
  maxPages?: number;
  /** Items per page of a v1 search; default 100. */
  pageSize?: number;
  /** How long a successful answer is reused for identical requests with the same token; default 10000, 0 disables. */
  cacheTtlMs?: number;
  /** Ignore stored answers (the card's refresh button); the new answer is stored. */
  refresh?: boolean;
  /** Conduktor Console's address (https://…); view models then carry `consoleLink` into its UI. */
  consoleUrl?: string;
  /** Path templates of those links, replacing the defaults (Console's UI routes are not a documented API). */
  consoleLinks?: ConsoleLinkTemplates;
}

/**
 * Paths after `consoleUrl`; `{cluster}`, `{topic}`, `{group}` and `{application}` are
 * replaced by the percent-encoded names. Defaults: cluster '/console/{cluster}/topics',
 * topic '/console/{cluster}/topics/{topic}', consumerGroup
 * '/console/{cluster}/consumer-groups/{group}', application '/applications/{application}'.
 */
export interface ConsoleLinkTemplates {
  cluster?: string;
  topic?: string;
  consumerGroup?: string;
  application?: string;
}

/**
 * A topic. Values Console did not send are left out (never null); metrics (record count,
 * size, produce rate, last activity) are present only when joined from Console's search.
 */
export interface Topic {
  name: string;
  cluster: string;
  partitions?: number;
  replicationFactor?: number;
  cleanupPolicy?: string;
  /** retention.ms; -1 is unlimited. */
  retentionMs?: number;
  minInsyncReplicas?: number;
  description?: string;
  catalogVisibility?: string;
  labels: Record<string, string>;
  /** From Console's conduktor.io/application label. */
  ownerApplication?: string;
  ownerInstance?: string;
  recordCount?: number;
  sizeBytes?: number;
  produceRate?: number;
  lastActivityAt?: string;
  /** Into the Console UI; present when `consoleUrl` was given. */
  consoleLink?: string;
}

export interface ConsumerGroup {
  name: string;
  cluster: string;
  /** False when Console has not indexed the group yet: only the name is known. */
  indexed: boolean;
  state?: 'Stable' | 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Dead' | 'Unknown' | string;
  members?: number;
  overallLag?: number;
  maxLagSeconds?: number;
  topics: string[];
  /** Into the Console UI; present when `consoleUrl` was given. */
  consoleLink?: string;
}

/** A consumer-group list; `truncated` is true when paging stopped at `maxPages`. */
export type ConsumerGroupList = ConsumerGroup[] & { truncated: boolean; totalElements: number | null };

export interface Application {
  name: string;
  title: string;
  owner?: string;
  description?: string;
  labels: Record<string, string>;
  /** Into the Console UI; present when `consoleUrl` was given. */
  consoleLink?: string;
}

export interface OwnedResource {
  type: 'TOPIC' | 'CONSUMER_GROUP' | 'SUBJECT' | 'CONNECTOR' | string;
  name: string;
  patternType: 'LITERAL' | 'PREFIXED' | string;
  connectCluster?: string;
  ownershipMode: 'ALL' | 'LIMITED' | string;
}

export interface ApplicationInstance {
  name: string;
  application?: string;
  cluster?: string;
  serviceAccount?: string;
  resources: OwnedResource[];
  labels: Record<string, string>;
}

/** A Kafka cluster as the card shows it; credentials are never included. */
export interface KafkaCluster {
  name: string;
  displayName: string;
  bootstrapServers: string;
  /** A validated CSS hex colour; absent when Console has none or it is not a hex colour. */
  color?: string;
  icon?: string;
  labels: Record<string, string>;
  schemaRegistry?: { type: string; url?: string };
  /** Into the Console UI; present when `consoleUrl` was given. */
  consoleLink?: string;
}

/** What the card may show about a token, read without verifying it. */
export interface TokenReport {
  algorithm?: string;
  issuer?: string;
  audience: string[];
  /** Milliseconds since the epoch. */
  expiresAt?: number;
  /** Absent when the token has no `exp`. */
  expired?: boolean;
  issuedAt?: number;
  notBefore?: number;
  hasEmailClaim: boolean;
  hasGroupsClaim: boolean;
  groups: string[];
}

/** A failure about one resource, shown beside the data that loaded. */
export interface Problem {
  kind: ConduktorErrorKind;
  status?: number;
  message: string;
  cluster?: string;
  resource?: string;
}

/** A search that stopped at maxPages: "showing the first `shown` of `total`". */
export interface Truncation {
  cluster: string;
  what: string;
  shown: number;
  total?: number;
}

export interface ApplicationOverview {
  name: string;
  /** Absent when it could not be read (see problems). */
  application?: Application;
  instances: ApplicationInstance[];
}

/** Everything the card shows for one entity. */
export interface EntityOverview {
  /** False when the entity has no Conduktor annotation: clusters then lists every cluster the user may see. */
  annotated: boolean;
  clusters: KafkaCluster[];
  topics: Topic[];
  consumerGroups: ConsumerGroup[];
  applications: ApplicationOverview[];
  problems: Problem[];
  truncations: Truncation[];
}

export type ConduktorErrorKind =
  | 'invalid-input' | 'unauthorized' | 'proxy-rejected' | 'forbidden' | 'not-found'
  | 'rate-limited' | 'server' | 'http' | 'network' | 'timeout' | 'aborted' | 'decode';

/** What every rejection of this module is (name 'ConduktorError'). */
export interface ConduktorError extends Error {
  name: 'ConduktorError';
  kind: ConduktorErrorKind;
  status?: number;
  title?: string;
  msg?: string;
  cause?: string;
  retryAfterMs?: number;
}
"#;

pub fn into_js_error(error: CoreError) -> JsValue {
    make_conduktor_error(
        error.kind.as_str(),
        &error.message,
        error.status,
        error.title,
        error.msg,
        error.cause,
        error.retry_after_ms.map(|ms| ms as f64),
    )
}

/// The JSON text of an array of view models as that array, carrying `truncated` and
/// `totalElements` properties.
pub fn listing_to_js(items_json: &str, truncated: bool, total: Option<&Number>) -> Result<JsValue, CoreError> {
    let array = json_to_js(items_json)?;
    let total = match total {
        Some(number) => json_to_js(number.as_str())?,
        None => JsValue::NULL,
    };
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&array, &JsValue::from_str(key), value);
    set("truncated", &JsValue::from_bool(truncated))
        .and_then(|_| set("totalElements", &total))
        .map_err(|_| handing_failed())?;
    Ok(array)
}

/// An entity's `metadata.annotations`: string values kept, others ignored.
pub fn string_map(value: &JsValue) -> Result<Vec<(String, String)>, CoreError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let object = value
        .dyn_ref::<js_sys::Object>()
        .ok_or_else(|| CoreError::invalid_input("annotations must be an object: pass entity.metadata.annotations"))?;
    Ok(js_sys::Object::entries(object)
        .iter()
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect())
}

/// A view model as plain JavaScript objects.
pub fn to_js(value: &dyn ToJson) -> Result<JsValue, CoreError> {
    json_to_js(&json::to_string(value))
}

/// View models already written as JSON text, as plain JavaScript objects.
pub fn json_to_js(text: &str) -> Result<JsValue, CoreError> {
    js_sys::JSON::parse(text).map_err(|_| handing_failed())
}

fn handing_failed() -> CoreError {
    CoreError::new(ErrorKind::Decode, "the answer could not be handed to JavaScript; please report this as a bug")
}
