//! Conversions at the JavaScript boundary: view models become plain objects
//! (`json_compatible`: maps as objects, `None` as `null`) and `CoreError`s become
//! `ConduktorError` instances, a real `Error` subclass with `kind` and `status`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{CoreError, ErrorKind};

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
}

/** A Kafka cluster as the card shows it; credentials are never included. */
export interface KafkaCluster {
  name: string;
  displayName: string;
  bootstrapServers: string;
  /** A validated CSS hex colour, or null. */
  color: string | null;
  icon: string | null;
  labels: Record<string, string>;
  schemaRegistry: { type: string; url: string | null } | null;
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

pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, CoreError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            CoreError::new(
                ErrorKind::Decode,
                format!("the answer could not be handed to JavaScript ({e})"),
            )
        })
}
