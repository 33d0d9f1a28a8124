//! Reads the optional `options` object JavaScript passes:
//! `{ signal?: AbortSignal, timeoutMs?: number, proxyPath?: string }`.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

use crate::error::CoreError;
use crate::links::{ConsoleLinks, Templates};

pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;
/// Ten minutes: longer is certainly a unit mistake (seconds for milliseconds, …).
pub const MAX_TIMEOUT_MS: u32 = 600_000;

/// Pages a v1 search follows by default before it says it stopped early.
pub const DEFAULT_MAX_PAGES: u32 = 10;
pub const MAX_MAX_PAGES: u32 = 1000;
/// Items per page of a v1 search.
pub const DEFAULT_PAGE_SIZE: u32 = 100;
pub const MAX_PAGE_SIZE: u32 = 1000;

/// How long a 2xx answer is reused by default.
pub const DEFAULT_CACHE_TTL_MS: u32 = 10_000;
pub const MAX_CACHE_TTL_MS: u32 = 3_600_000;

pub struct CallOptions {
    pub signal: Option<AbortSignal>,
    pub timeout_ms: u32,
    pub proxy_path: Option<String>,
    pub max_pages: u32,
    pub page_size: u32,
    /// 0 disables the cache (identical requests in flight are still shared).
    pub cache_ttl_ms: f64,
    /// Bypass stored answers (the new answer is stored).
    pub refresh: bool,
    /// From `consoleUrl` (and `consoleLinks`): view models then carry `consoleLink`.
    pub console_links: Option<ConsoleLinks>,
}

impl CallOptions {
    pub fn from_js(options: &JsValue) -> Result<CallOptions, CoreError> {
        if options.is_undefined() || options.is_null() {
            return Ok(CallOptions {
                signal: None,
                timeout_ms: DEFAULT_TIMEOUT_MS,
                proxy_path: None,
                max_pages: DEFAULT_MAX_PAGES,
                page_size: DEFAULT_PAGE_SIZE,
                cache_ttl_ms: f64::from(DEFAULT_CACHE_TTL_MS),
                refresh: false,
                console_links: None,
            });
        }
        if !options.is_object() {
            return Err(CoreError::invalid_input("options must be an object like { timeoutMs: 15000 }"));
        }
        let signal = match field(options, "signal")? {
            None => None,
            Some(value) => Some(value.dyn_into::<AbortSignal>().map_err(|_| {
                CoreError::invalid_input("options.signal must be an AbortSignal (from new AbortController().signal)")
            })?),
        };
        let timeout_ms = match field(options, "timeoutMs")? {
            None => DEFAULT_TIMEOUT_MS,
            Some(value) => timeout_from(value.as_f64())?,
        };
        let proxy_path =
            match field(options, "proxyPath")? {
                None => None,
                Some(value) => Some(value.as_string().ok_or_else(|| {
                    CoreError::invalid_input("options.proxyPath must be a string like \"/conduktor\"")
                })?),
            };
        let max_pages = whole_number(options, "maxPages", DEFAULT_MAX_PAGES, MAX_MAX_PAGES)?;
        let page_size = whole_number(options, "pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)?;
        let cache_ttl_ms = match field(options, "cacheTtlMs")? {
            None => f64::from(DEFAULT_CACHE_TTL_MS),
            Some(value) => match value.as_f64() {
                Some(ms) if (0.0..=f64::from(MAX_CACHE_TTL_MS)).contains(&ms) => ms,
                _ => {
                    return Err(CoreError::invalid_input(format!(
                        "options.cacheTtlMs must be a number of milliseconds between 0 and {MAX_CACHE_TTL_MS}"
                    )))
                }
            },
        };
        let refresh = match field(options, "refresh")? {
            None => false,
            Some(value) => {
                value.as_bool().ok_or_else(|| CoreError::invalid_input("options.refresh must be true or false"))?
            }
        };
        let console_links = match field(options, "consoleUrl")? {
            None => None,
            Some(value) => {
                let url = value.as_string().ok_or_else(|| {
                    CoreError::invalid_input(
                        "options.consoleUrl must be a string like \"https://conduktor.example.com\"",
                    )
                })?;
                Some(ConsoleLinks::parse(&url, templates(options)?)?)
            }
        };
        Ok(CallOptions { signal, timeout_ms, proxy_path, max_pages, page_size, cache_ttl_ms, refresh, console_links })
    }
}

/// `undefined` and `null` both mean "not given". Reading a getter may throw.
fn field(object: &JsValue, name: &str) -> Result<Option<JsValue>, CoreError> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(name))
        .map_err(|_| CoreError::invalid_input(format!("options.{name} could not be read")))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

/// `consoleLinks: { cluster?, topic?, consumerGroup?, application? }`.
fn templates(options: &JsValue) -> Result<Templates, CoreError> {
    let Some(links) = field(options, "consoleLinks")? else { return Ok(Templates::default()) };
    let template = |name: &str| -> Result<Option<String>, CoreError> {
        match field(&links, name)? {
            None => Ok(None),
            Some(value) => value.as_string().map(Some).ok_or_else(|| {
                CoreError::invalid_input(format!("options.consoleLinks.{name} must be a path template string"))
            }),
        }
    };
    Ok(Templates {
        cluster: template("cluster")?,
        topic: template("topic")?,
        consumer_group: template("consumerGroup")?,
        application: template("application")?,
    })
}

fn whole_number(options: &JsValue, name: &str, default: u32, max: u32) -> Result<u32, CoreError> {
    match field(options, name)? {
        None => Ok(default),
        Some(value) => match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (1.0..=f64::from(max)).contains(&n) => Ok(n as u32),
            _ => Err(CoreError::invalid_input(format!("options.{name} must be a whole number between 1 and {max}"))),
        },
    }
}

fn timeout_from(value: Option<f64>) -> Result<u32, CoreError> {
    match value {
        Some(ms) if ms.is_finite() && ms >= 1.0 && ms <= f64::from(MAX_TIMEOUT_MS) => Ok(ms.round() as u32),
        _ => Err(CoreError::invalid_input(format!(
            "options.timeoutMs must be a number of milliseconds between 1 and {MAX_TIMEOUT_MS}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_are_bounded() {
        assert_eq!(timeout_from(Some(2500.4)).unwrap(), 2500);
        for bad in [None, Some(0.0), Some(-1.0), Some(f64::NAN), Some(f64::INFINITY), Some(600_001.0)] {
            assert!(timeout_from(bad).is_err(), "{bad:?}");
        }
    }
}
