//! The proxy endpoint the card calls, validated, and the request URLs under it. Names
//! go into URLs only as percent-encoded path segments, so they cannot change the path.

use crate::error::{self, CoreError};

/// Default Backstage proxy endpoint under the proxy base.
pub const DEFAULT_PROXY_PATH: &str = "/conduktor";

/// The validated base URL of the Conduktor proxy endpoint, without trailing slash:
/// `${proxyBase}${proxyPath}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint(String);

impl Endpoint {
    pub fn parse(proxy_base: Option<String>, proxy_path: Option<String>) -> Result<Endpoint, CoreError> {
        let base = proxy_base.ok_or_else(|| {
            CoreError::invalid_input("proxyBase must be a string: pass await discoveryApi.getBaseUrl('proxy')")
        })?;
        check_url_text("proxyBase", &base)?;
        let absolute_path = base.starts_with('/') && !base.starts_with("//");
        if !(is_http_url(&base) || absolute_path) {
            return Err(CoreError::invalid_input(format!(
                "proxyBase \"{}\" is neither an http(s) URL nor an absolute path: pass await discoveryApi.getBaseUrl('proxy')",
                error::shorten(&base, 80)
            )));
        }
        let path = proxy_path.unwrap_or_else(|| DEFAULT_PROXY_PATH.to_string());
        check_url_text("proxyPath", &path)?;
        if !path.starts_with('/') || path.split('/').any(|s| s == "." || s == "..") {
            return Err(CoreError::invalid_input(format!(
                "proxyPath \"{}\" must start with '/' and contain no '.' or '..' segments, like the default \"{DEFAULT_PROXY_PATH}\"",
                error::shorten(&path, 80)
            )));
        }
        Ok(Endpoint([base.trim_end_matches('/'), path.trim_end_matches('/')].concat()))
    }

    /// `segments` are literal path segments (fixed API words) or names; each is
    /// percent-encoded as one segment so names cannot change the path.
    pub fn url(&self, segments: &[&str]) -> String {
        let mut url = self.0.clone();
        for segment in segments {
            url.push('/');
            url.push_str(&encode_segment(segment));
        }
        url
    }

    /// `url(segments)` plus a query string; keys and values are percent-encoded.
    pub fn url_with_query(&self, segments: &[&str], query: &[(&str, &str)]) -> String {
        let mut url = self.url(segments);
        for (i, (key, value)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&encode_segment(key));
            url.push('=');
            url.push_str(&encode_segment(value));
        }
        url
    }
}

/// Console's rule for the names of clusters and self-service resources, as its API
/// declares it for their path and query parameters: `^[0-9a-z_\-.]+$`.
pub fn is_console_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-' | b'.'))
}

/// What a name JavaScript passes must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRule {
    /// Any non-empty text (a topic or cluster name in a path segment).
    Text,
    /// Console's name rule (an application's name).
    ConsoleName,
}

/// A name the caller passes for a path segment or query value, checked before anything is sent.
pub fn name_argument(value: Option<String>, what: &str, rule: NameRule) -> Result<String, CoreError> {
    let name = match value {
        Some(name) if !name.trim().is_empty() && name.len() <= 1024 => name,
        _ => return Err(CoreError::invalid_input(format!("{what} must be a non-empty string of at most 1024 bytes"))),
    };
    if rule == NameRule::ConsoleName && !is_console_name(&name) {
        return Err(CoreError::invalid_input(format!(
            "{what} \"{}\" is not a Conduktor name (lower-case letters, digits, '.', '_' and '-'), so Console has none by it",
            error::shorten(&name, 60)
        )));
    }
    Ok(name)
}

/// `http://host…` or `https://host…` (any case), with a host.
pub fn is_http_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
}

/// Not empty, no whitespace or control characters, no query or fragment.
pub fn check_url_text(what: &str, value: &str) -> Result<(), CoreError> {
    if value.is_empty() {
        return Err(CoreError::invalid_input(format!("{what} is empty: pass await discoveryApi.getBaseUrl('proxy')")));
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(CoreError::invalid_input(format!("{what} contains whitespace or control characters")));
    }
    if value.contains(['?', '#']) {
        return Err(CoreError::invalid_input(format!(
            "{what} \"{}\" contains a query or fragment: pass the bare proxy base URL",
            error::shorten(value, 80)
        )));
    }
    Ok(())
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    // "." and ".." are unreserved but are dot-segments to URL parsers.
    match out.as_str() {
        "." => "%2E".to_string(),
        ".." => "%2E%2E".to_string(),
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn endpoint(base: &str) -> Result<Endpoint, CoreError> {
        Endpoint::parse(Some(base.to_string()), None)
    }

    #[test]
    fn name_arguments() {
        assert_eq!(name_argument(Some("Payments Team".into()), "cluster", NameRule::Text).unwrap(), "Payments Team");
        for bad in [None, Some(String::new()), Some(" ".into()), Some("x".repeat(1025))] {
            assert_eq!(name_argument(bad, "cluster", NameRule::Text).unwrap_err().kind, ErrorKind::InvalidInput);
        }
        assert!(name_argument(Some("payments-app.v2".into()), "application", NameRule::ConsoleName).is_ok());
        let error = name_argument(Some("Payments".into()), "application", NameRule::ConsoleName).unwrap_err();
        assert!(error.message.contains("application \"Payments\" is not a Conduktor name"), "{}", error.message);
    }

    #[test]
    fn proxy_base_forms() {
        let ok = |base: &str, want: &str| {
            assert_eq!(endpoint(base).unwrap().url(&["public"]), want, "{base}");
        };
        ok("http://localhost:7007/api/proxy", "http://localhost:7007/api/proxy/conduktor/public");
        ok("https://bs.example.com/api/proxy///", "https://bs.example.com/api/proxy/conduktor/public");
        ok("/api/proxy", "/api/proxy/conduktor/public");
        ok("HTTP://h/", "HTTP://h/conduktor/public");
        for bad in [
            "",
            "api/proxy",
            "//evil.example.com/api",
            "javascript:alert(1)",
            "ftp://h/api",
            "http://",
            "http:///x",
            "http://h/api?x=1",
            "http://h/api#f",
            " http://h",
        ] {
            assert_eq!(endpoint(bad).expect_err(bad).kind, ErrorKind::InvalidInput, "{bad:?}");
        }
    }

    #[test]
    fn proxy_path_is_validated() {
        let with_path = |p: &str| Endpoint::parse(Some("/api/proxy".into()), Some(p.into()));
        assert_eq!(with_path("/kafka/").unwrap().url(&[]), "/api/proxy/kafka");
        for bad in ["kafka", "/a/../b", "/.", "/a?b", ""] {
            assert!(with_path(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn names_are_one_encoded_segment() {
        assert_eq!(encode_segment("click.pageviews"), "click.pageviews");
        assert_eq!(encode_segment("a/b"), "a%2Fb");
        assert_eq!(encode_segment(".."), "%2E%2E");
        assert_eq!(encode_segment("."), "%2E");
        assert_eq!(encode_segment("x?y#z%"), "x%3Fy%23z%25");
        assert_eq!(encode_segment("é"), "%C3%A9");
    }

    #[test]
    fn query_values_are_encoded() {
        let e = endpoint("/api/proxy").unwrap();
        assert_eq!(
            e.url_with_query(&["x"], &[("application", "a&b=c"), ("k", "v")]),
            "/api/proxy/conduktor/x?application=a%26b%3Dc&k=v"
        );
    }
}
