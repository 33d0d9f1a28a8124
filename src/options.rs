//! The optional `options` object of every call: read as `FetchOptions` (what
//! JavaScript may pass, declared once: serde reads it and ts-rs declares it), then
//! validated into `Options`, each refusal naming the option and its range.
//!
//! The fields are read as `Loose` values so a wrong type gets this module's own
//! message (`options.timeoutMs must be a number of milliseconds…`) rather than a
//! generic one; `signal` is a JavaScript object, which the wasm crate reads itself.

use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::endpoint::{check_url_text, is_http_url};
use crate::error::{shorten, CoreError};

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

/// Options accepted by every fetch function.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct FetchOptions {
    /// Aborting it rejects the call with kind 'aborted' and cancels the request.
    #[serde(skip_deserializing)]
    #[cfg_attr(feature = "typescript", ts(type = "AbortSignal", optional))]
    pub signal: Option<()>,
    /// Default 15000; the call rejects with kind 'timeout' after it.
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>"))]
    pub timeout_ms: Option<Loose>,
    /// The Backstage proxy endpoint; default '/conduktor'.
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub proxy_path: Option<Loose>,
    /// Pages a v1 search follows before it stops and says so (truncated); default 10.
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>"))]
    pub max_pages: Option<Loose>,
    /// Items per page of a v1 search; default 100.
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>"))]
    pub page_size: Option<Loose>,
    /// How long a successful answer is reused for identical requests with the same token; default 10000, 0 disables.
    #[cfg_attr(feature = "typescript", ts(as = "Option<f64>"))]
    pub cache_ttl_ms: Option<Loose>,
    /// Ignore stored answers (the card's refresh button); the new answer is stored.
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>"))]
    pub refresh: Option<Loose>,
    /// Conduktor Console's address (https://…); view models then carry `consoleLink` into its UI.
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub console_url: Option<Loose>,
    /// Path templates of those links, replacing the defaults (Console's UI routes are not a documented API).
    pub console_links: Option<ConsoleLinkTemplates>,
}

/// Paths after `consoleUrl`; `{cluster}`, `{topic}`, `{group}` and `{application}` are
/// replaced by the percent-encoded names. Defaults: cluster '/console/{cluster}/topics',
/// topic '/console/{cluster}/topics/{topic}', consumerGroup
/// '/console/{cluster}/consumer-groups/{group}', application '/applications/{application}'.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct ConsoleLinkTemplates {
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub cluster: Option<Loose>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub topic: Option<Loose>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub consumer_group: Option<Loose>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub application: Option<Loose>,
}

/// Validated options.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub timeout_ms: u32,
    pub proxy_path: Option<String>,
    pub max_pages: u32,
    pub page_size: u32,
    /// 0 disables the cache (identical requests in flight are still shared).
    pub cache_ttl_ms: f64,
    /// Bypass stored answers (the new answer is stored).
    pub refresh: bool,
    /// Where links into the Console UI go, when the caller gave `consoleUrl`.
    pub console: Option<ConsoleSettings>,
}

/// `consoleUrl` and the link templates the caller replaced (`None` keeps the default).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConsoleSettings {
    /// An http(s) URL without a trailing slash.
    pub url: String,
    pub cluster: Option<String>,
    pub topic: Option<String>,
    pub consumer_group: Option<String>,
    pub application: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout_ms: DEFAULT_TIMEOUT_MS,
            proxy_path: None,
            max_pages: DEFAULT_MAX_PAGES,
            page_size: DEFAULT_PAGE_SIZE,
            cache_ttl_ms: f64::from(DEFAULT_CACHE_TTL_MS),
            refresh: false,
            console: None,
        }
    }
}

impl FetchOptions {
    pub fn validate(self) -> Result<Options, CoreError> {
        let console = match self.console_url {
            None => None,
            Some(url) => Some(console_settings(url, self.console_links.unwrap_or_default())?),
        };
        Ok(Options {
            timeout_ms: match self.timeout_ms {
                None => DEFAULT_TIMEOUT_MS,
                Some(value) => timeout(value.as_f64())?,
            },
            proxy_path: self
                .proxy_path
                .map(|value| string(value, "options.proxyPath must be a string like \"/conduktor\""))
                .transpose()?,
            max_pages: whole_number(self.max_pages, "maxPages", DEFAULT_MAX_PAGES, MAX_MAX_PAGES)?,
            page_size: whole_number(self.page_size, "pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)?,
            cache_ttl_ms: match self.cache_ttl_ms {
                None => f64::from(DEFAULT_CACHE_TTL_MS),
                Some(value) => match value.as_f64() {
                    Some(ms) if (0.0..=f64::from(MAX_CACHE_TTL_MS)).contains(&ms) => ms,
                    _ => {
                        return Err(CoreError::invalid_input(format!(
                            "options.cacheTtlMs must be a number of milliseconds between 0 and {MAX_CACHE_TTL_MS}"
                        )))
                    }
                },
            },
            refresh: match self.refresh {
                None => false,
                Some(value) => {
                    value.as_bool().ok_or_else(|| CoreError::invalid_input("options.refresh must be true or false"))?
                }
            },
            console,
        })
    }
}

/// An option's value before validation: what JavaScript passed, whatever its type.
#[derive(Debug, Clone, PartialEq)]
pub enum Loose {
    Number(f64),
    Text(String),
    Bool(bool),
    /// `null` inside an object, objects, arrays: never a valid option value here.
    Other,
}

impl Loose {
    fn as_f64(&self) -> Option<f64> {
        match self {
            Loose::Number(n) => Some(*n),
            _ => None,
        }
    }

    fn as_bool(&self) -> Option<bool> {
        match self {
            Loose::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LooseVisitor;
        impl<'de> Visitor<'de> for LooseVisitor {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_f64<E>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose::Number(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Number(v as f64))
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Loose, E> {
                Ok(Loose::Text(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Loose, E> {
                Ok(Loose::Bool(v))
            }
            fn visit_unit<E>(self) -> Result<Loose, E> {
                Ok(Loose::Other)
            }
            fn visit_none<E>(self) -> Result<Loose, E> {
                Ok(Loose::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
        }
        deserializer.deserialize_any(LooseVisitor)
    }
}

fn string(value: Loose, refusal: &str) -> Result<String, CoreError> {
    match value {
        Loose::Text(text) => Ok(text),
        _ => Err(CoreError::invalid_input(refusal)),
    }
}

fn console_settings(url: Loose, templates: ConsoleLinkTemplates) -> Result<ConsoleSettings, CoreError> {
    let url = string(url, "options.consoleUrl must be a string like \"https://conduktor.example.com\"")?;
    check_url_text("options.consoleUrl", &url)?;
    if !is_http_url(&url) || url.contains(['"', '<', '>', '\\']) {
        return Err(CoreError::invalid_input(
            "options.consoleUrl must be the http(s) address of Conduktor Console, like \"https://conduktor.example.com\"",
        ));
    }
    let template = |value: Option<Loose>, name: &str| -> Result<Option<String>, CoreError> {
        let Some(value) = value else { return Ok(None) };
        let refusal = format!("options.consoleLinks.{name} must be a path template string");
        path_template(string(value, &refusal)?).map(Some)
    };
    Ok(ConsoleSettings {
        url: url.trim_end_matches('/').to_string(),
        cluster: template(templates.cluster, "cluster")?,
        topic: template(templates.topic, "topic")?,
        consumer_group: template(templates.consumer_group, "consumerGroup")?,
        application: template(templates.application, "application")?,
    })
}

/// A link template is a path: it starts with a single '/' and holds nothing that
/// could end the URL or start another. Unknown placeholders are left as written.
fn path_template(value: String) -> Result<String, CoreError> {
    let unsafe_char = |c: char| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '#');
    if value.starts_with('/') && !value.starts_with("//") && !value.contains(unsafe_char) {
        return Ok(value);
    }
    Err(CoreError::invalid_input(format!(
        "options.consoleLinks template \"{}\" must be a path starting with a single '/', without spaces, quotes or '#'",
        shorten(&value, 80)
    )))
}

fn whole_number(value: Option<Loose>, name: &str, default: u32, max: u32) -> Result<u32, CoreError> {
    match value.map(|v| v.as_f64()) {
        None => Ok(default),
        Some(Some(n)) if n.fract() == 0.0 && (1.0..=f64::from(max)).contains(&n) => Ok(n as u32),
        Some(_) => Err(CoreError::invalid_input(format!("options.{name} must be a whole number between 1 and {max}"))),
    }
}

fn timeout(value: Option<f64>) -> Result<u32, CoreError> {
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

    fn options(json: &str) -> Result<Options, CoreError> {
        serde_json::from_str::<FetchOptions>(json).expect(json).validate()
    }

    #[test]
    fn defaults_and_values() {
        assert_eq!(options("{}").unwrap(), Options::default());
        let o = options(r#"{"timeoutMs":2500.4,"maxPages":3,"pageSize":50,"cacheTtlMs":0,"refresh":true,"proxyPath":"/k","unknown":1}"#)
            .unwrap();
        assert_eq!((o.timeout_ms, o.max_pages, o.page_size, o.cache_ttl_ms, o.refresh), (2500, 3, 50, 0.0, true));
        assert_eq!(o.proxy_path.as_deref(), Some("/k"));
    }

    #[test]
    fn refusals_name_the_option_and_its_range() {
        for (json, needle) in [
            (r#"{"timeoutMs":0}"#, "options.timeoutMs must be a number of milliseconds between 1 and 600000"),
            (r#"{"timeoutMs":"5"}"#, "options.timeoutMs"),
            (r#"{"timeoutMs":600001}"#, "options.timeoutMs"),
            (r#"{"maxPages":1.5}"#, "options.maxPages must be a whole number between 1 and 1000"),
            (r#"{"pageSize":0}"#, "options.pageSize"),
            (r#"{"cacheTtlMs":-1}"#, "options.cacheTtlMs"),
            (r#"{"refresh":"yes"}"#, "options.refresh must be true or false"),
            (r#"{"proxyPath":5}"#, "options.proxyPath must be a string"),
            (r#"{"consoleUrl":"ftp://x"}"#, "options.consoleUrl must be the http(s) address"),
            (r#"{"consoleUrl":7}"#, "options.consoleUrl must be a string"),
            (r#"{"consoleUrl":"https://c","consoleLinks":{"topic":"x/{topic}"}}"#, "options.consoleLinks template"),
            (r#"{"consoleUrl":"https://c","consoleLinks":{"topic":3}}"#, "options.consoleLinks.topic must be"),
        ] {
            let error = options(json).expect_err(json);
            assert!(error.message.contains(needle), "{json}: {}", error.message);
        }
    }

    #[test]
    fn console_settings_keep_the_url_and_the_replaced_templates() {
        let o =
            options(r#"{"consoleUrl":"https://c.example.com/","consoleLinks":{"topic":"/t/{topic}","cluster":null}}"#)
                .unwrap();
        let console = o.console.unwrap();
        assert_eq!(console.url, "https://c.example.com");
        assert_eq!(console.topic.as_deref(), Some("/t/{topic}"));
        assert_eq!(console.cluster, None);
        for bad in ["topics/{topic}", "//evil.example.com/{topic}", "/x\"y", "/x#y", "/a b", "/x\\y"] {
            assert!(path_template(bad.into()).is_err(), "{bad}");
        }
    }
}
