//! Conversions at the JavaScript boundary. Into the core: the options and the
//! annotations (small objects, through serde-wasm-bindgen). Out of it: view models
//! as one JSON text and one `JSON.parse` (5.6× faster than serde-wasm-bindgen on
//! lists), the token report through serde-wasm-bindgen, and `CoreError`s as
//! `ConduktorError` instances, a real `Error` subclass with serde-wasm-bindgen's
//! object of its details.

use conduktor_card_core::annotations::AnnotationMap;
use conduktor_card_core::client::ListJson;
use conduktor_card_core::error::{CoreError, ErrorKind};
use conduktor_card_core::options::FetchOptions;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

#[wasm_bindgen(inline_js = r#"
export class ConduktorError extends Error {
  constructor(message, details) {
    super(message);
    this.name = 'ConduktorError';
    Object.assign(this, details);
  }
}
export function makeConduktorError(message, details) {
  return new ConduktorError(message, details);
}
// Reads every own property of plain objects once, here: a throwing getter or Proxy
// trap then throws into the caller's `catch`, never through serde's reads.
export function plainCopy(value, depth = 0) {
  if (typeof value !== 'object' || value === null || depth > 8) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = {};
  for (const key of Object.keys(value)) copy[key] = plainCopy(value[key], depth + 1);
  return copy;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = makeConduktorError)]
    fn make_conduktor_error(message: &str, details: JsValue) -> JsValue;

    #[wasm_bindgen(js_name = plainCopy, catch)]
    fn plain_copy(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// Plain objects as serde-wasm-bindgen should write them: maps as objects, absent
/// values left out.
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);

pub fn into_js_error(error: CoreError) -> JsValue {
    let details = error.serialize(&SERIALIZER).unwrap_or_else(|_| {
        // Only the kind is certain to convert.
        let kind = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&kind, &"kind".into(), &error.kind.as_str().into());
        kind.into()
    });
    make_conduktor_error(&error.message, details)
}

/// The options object: `undefined` and `null` mean none given.
pub fn options(value: &JsValue) -> Result<(FetchOptions, Option<AbortSignal>), CoreError> {
    if value.is_undefined() || value.is_null() {
        return Ok((FetchOptions::default(), None));
    }
    if !value.is_object() {
        return Err(CoreError::invalid_input("options must be an object like { timeoutMs: 15000 }"));
    }
    let unreadable =
        || CoreError::invalid_input("options could not be read: pass a plain object like { timeoutMs: 15000 }");
    let copy = plain_copy(value).map_err(|_| unreadable())?;
    let options: FetchOptions = serde_wasm_bindgen::from_value(copy.clone()).map_err(|error| {
        CoreError::invalid_input(format!(
            "options could not be read ({error}): pass numbers, strings and booleans, and consoleLinks as an object of path templates"
        ))
    })?;
    let signal = match js_sys::Reflect::get(&copy, &"signal".into()).map_err(|_| unreadable())? {
        value if value.is_undefined() || value.is_null() => None,
        value => Some(value.dyn_into::<AbortSignal>().map_err(|_| {
            CoreError::invalid_input("options.signal must be an AbortSignal (from new AbortController().signal)")
        })?),
    };
    Ok((options, signal))
}

/// An entity's `metadata.annotations`: string values kept, others ignored.
pub fn annotations(value: &JsValue) -> Result<AnnotationMap, CoreError> {
    if value.is_undefined() || value.is_null() {
        return Ok(AnnotationMap::default());
    }
    let refused = || CoreError::invalid_input("annotations must be an object: pass entity.metadata.annotations");
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(refused());
    }
    let copy = plain_copy(value).map_err(|_| refused())?;
    serde_wasm_bindgen::from_value(copy).map_err(|_| refused())
}

/// A small view model (the token report) as a plain object.
pub fn small_to_js(value: &impl Serialize) -> Result<JsValue, CoreError> {
    value.serialize(&SERIALIZER).map_err(|_| handing_failed())
}

/// A view model as plain JavaScript objects: one JSON text, one `JSON.parse`.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, CoreError> {
    json_to_js(&serde_json::to_string(value).map_err(|_| handing_failed())?)
}

/// A list written as JSON text, as an array carrying the list's facts
/// (`truncated`, `totalElements`, `problems`) as properties. The facts go the lists'
/// way too (JSON): their problems are view models of the overview's JSON path.
pub fn list_to_js(list: &ListJson) -> Result<JsValue, CoreError> {
    let array = json_to_js(&list.items)?;
    let facts = to_js(&list.info)?;
    js_sys::Object::assign(array.unchecked_ref::<js_sys::Object>(), facts.unchecked_ref::<js_sys::Object>());
    Ok(array)
}

fn json_to_js(text: &str) -> Result<JsValue, CoreError> {
    js_sys::JSON::parse(text).map_err(|_| handing_failed())
}

fn handing_failed() -> CoreError {
    CoreError::new(ErrorKind::Decode, "the answer could not be handed to JavaScript; please report this as a bug")
}
