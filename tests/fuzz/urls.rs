//! Target `fuzz_urls`: tokens, proxy bases and paths are accepted only when safe;
//! names stay inside their path segment; Console links stay under the configured base.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use super::fuzz;
use super::gen::tricky_string;
use conduktor_card_core::credentials::{Token, MAX_TOKEN_BYTES};
use conduktor_card_core::endpoint::{encode_segment, is_http_url, Endpoint};
use conduktor_card_core::error::ErrorKind;
use conduktor_card_core::links::{self, ConsoleLinks};
use conduktor_card_core::options::FetchOptions;

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "[!-~]{0,40}",
        2 => tricky_string(),
        1 => (MAX_TOKEN_BYTES - 2..MAX_TOKEN_BYTES + 2).prop_map(|n| "a".repeat(n)),
        1 => ("[!-~]{1,10}", "[ \t\r\n\u{0}\u{7f}é]", "[!-~]{0,10}").prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ]
}

fn base() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => ("(?i:https?)://", "[a-z0-9.@:-]{0,12}", "(/[a-zA-Z0-9%._-]{0,6}){0,3}", "/{0,3}")
            .prop_map(|(s, h, p, t)| format!("{s}{h}{p}{t}")),
        2 => "(/[a-z%._-]{0,6}){0,4}/{0,2}",
        2 => tricky_string(),
        1 => proptest::sample::select(&[
            "javascript:alert(1)", "ftp://x", "//evil.example.com", "http://", "https:///x", "http://x?q=1",
            "http://x#f", "proxy", "data:text/html,x", "http://x/ y",
        ][..]).prop_map(String::from),
    ]
}

fn template() -> impl Strategy<Value = Option<String>> {
    let piece = prop_oneof![
        Just("{cluster}"),
        Just("{topic}"),
        Just("{group}"),
        Just("{application}"),
        Just("{other}"),
        Just("{"),
        Just("}"),
        Just("/"),
        Just("x"),
        Just("?tab=1"),
        Just("&"),
        Just(".."),
        Just("#"),
        Just("//"),
        Just(" "),
        Just("\""),
        Just("é"),
    ];
    prop::option::of(prop_oneof![
        3 => proptest::collection::vec(piece, 0..8).prop_map(|p| format!("/{}", p.concat())),
        1 => tricky_string(),
    ])
}

/// Whether `text` is only unreserved characters and `%XX` escapes, decoding to `original`.
fn decodes_to(text: &str, original: &str) -> bool {
    let bytes = text.as_bytes();
    let mut decoded = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let Some(hex) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) else {
                return false;
            };
            decoded.push(hex);
            i += 3;
        } else if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            decoded.push(b);
            i += 1;
        } else {
            return false;
        }
    }
    decoded == original.as_bytes()
}

fn check_segment(encoded: &str, original: &str) -> Result<(), TestCaseError> {
    prop_assert!(decodes_to(encoded, original), "{:?} -> {:?}", original, encoded);
    prop_assert!(encoded != "." && encoded != "..", "dot segment from {:?}", original);
    Ok(())
}

#[derive(Debug, Clone)]
enum Input {
    Token(String),
    Endpoint { base: Option<String>, path: Option<String>, segments: Vec<String>, query: Vec<(String, String)> },
    Links { url: String, templates: [Option<String>; 4], names: [String; 4] },
}

fn check_token(raw: String) -> Result<(), TestCaseError> {
    let valid = !raw.is_empty() && raw.len() <= MAX_TOKEN_BYTES && raw.bytes().all(|b| (0x21..=0x7e).contains(&b));
    match Token::parse(Some(raw.clone())) {
        Ok(token) => {
            prop_assert!(valid, "accepted {:?}", raw);
            prop_assert_eq!(token.bearer_header(), format!("Bearer {raw}"));
        }
        Err(e) => {
            prop_assert!(!valid, "refused {:?}", raw);
            prop_assert_eq!(e.kind, ErrorKind::InvalidInput);
            prop_assert!(raw.len() < 8 || !e.message.contains(&raw), "token echoed");
        }
    }
    Ok(())
}

fn check_endpoint(
    base: Option<String>,
    path: Option<String>,
    segments: Vec<String>,
    query: Vec<(String, String)>,
) -> Result<(), TestCaseError> {
    let endpoint = match Endpoint::parse(base.clone(), path.clone()) {
        Ok(endpoint) => endpoint,
        Err(e) => {
            prop_assert_eq!(e.kind, ErrorKind::InvalidInput);
            return Ok(());
        }
    };
    let root = endpoint.url(&[]);
    let base = base.unwrap_or_default();
    prop_assert!(is_http_url(&base) || (base.starts_with('/') && !base.starts_with("//")), "base {:?}", base);
    prop_assert!(!root.contains(['?', '#']) && !root.chars().any(|c| c.is_whitespace() || c.is_control()));
    prop_assert!(!root.ends_with('/'), "{:?}", root);
    let path = path.unwrap_or_else(|| "/conduktor".into());
    prop_assert!(!path.split('/').any(|s| s == "." || s == ".."), "dot segment in proxyPath {:?}", path);
    let refs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let url = endpoint.url(&refs);
    let rest = url.strip_prefix(root.as_str()).ok_or_else(|| TestCaseError::fail("url lost its base"))?;
    let parts: Vec<&str> = rest.split('/').skip(1).collect();
    prop_assert_eq!(parts.len(), segments.len(), "{:?}", url);
    for (encoded, original) in parts.iter().zip(&segments) {
        check_segment(encoded, original)?;
    }
    let pairs: Vec<(&str, &str)> = query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let with_query = endpoint.url_with_query(&refs, &pairs);
    let query_text = with_query.strip_prefix(url.as_str()).ok_or_else(|| TestCaseError::fail("query lost the path"))?;
    if !pairs.is_empty() {
        let query_text = query_text.strip_prefix('?').ok_or_else(|| TestCaseError::fail("no '?'"))?;
        let written: Vec<&str> = query_text.split('&').collect();
        prop_assert_eq!(written.len(), pairs.len());
        for (pair, (key, value)) in written.iter().zip(&pairs) {
            let (k, v) = pair.split_once('=').ok_or_else(|| TestCaseError::fail("no '='"))?;
            prop_assert!(decodes_to(k, key) && decodes_to(v, value), "{:?}", pair);
        }
    } else {
        prop_assert_eq!(query_text, "");
    }
    Ok(())
}

fn check_links(url: String, templates: [Option<String>; 4], names: [String; 4]) -> Result<(), TestCaseError> {
    let [cluster, topic, consumer_group, application] = templates.clone();
    let options = serde_json::json!({
        "consoleUrl": url,
        "consoleLinks": {"cluster": cluster, "topic": topic, "consumerGroup": consumer_group, "application": application},
    });
    let validated =
        serde_json::from_value::<FetchOptions>(options).map_err(|e| TestCaseError::fail(e.to_string()))?.validate();
    let links = match validated.map(|o| o.console.map(|settings| ConsoleLinks::new(&settings))) {
        Ok(Some(links)) => links,
        Ok(None) => return Err(TestCaseError::fail("consoleUrl given, no links")),
        Err(e) => {
            prop_assert_eq!(e.kind, ErrorKind::InvalidInput);
            return Ok(());
        }
    };
    let base = url.trim_end_matches('/');
    let authority =
        |link: &str| link.split_once("://").map(|(_, rest)| rest.split('/').next().unwrap_or_default().to_string());
    let [c, t, g, a] = &names;
    let built = [links.cluster(c), links.topic(c, t), links.consumer_group(c, g), links.application(a)];
    let defaults =
        [links::DEFAULT_CLUSTER, links::DEFAULT_TOPIC, links::DEFAULT_CONSUMER_GROUP, links::DEFAULT_APPLICATION];
    for ((link, template), default) in built.iter().zip(&templates).zip(defaults) {
        let template = template.as_deref().unwrap_or(default);
        let path = link.strip_prefix(base).ok_or_else(|| TestCaseError::fail(format!("{link} not under {base}")))?;
        prop_assert!(path.starts_with('/'), "{:?}", link);
        prop_assert!(is_http_url(link), "{:?}", link);
        prop_assert_eq!(authority(link), authority(base), "{}", link);
        prop_assert!(
            !link.contains(|c: char| c.is_whitespace() || c.is_control() || "\"<>\\#".contains(c)),
            "{:?}",
            link
        );
        // Names add no '/', so the path has exactly the template's segments.
        prop_assert_eq!(path.matches('/').count(), template.matches('/').count(), "{} from {}", link, template);
    }
    Ok(())
}

#[test]
fn fuzz_urls() {
    let input = prop_oneof![
        2 => token().prop_map(Input::Token),
        3 => (
            prop::option::of(base()),
            prop::option::of(base()),
            proptest::collection::vec(tricky_string(), 0..4),
            proptest::collection::vec((tricky_string(), tricky_string()), 0..3),
        )
            .prop_map(|(base, path, segments, query)| Input::Endpoint { base, path, segments, query }),
        3 => (base(), [template(), template(), template(), template()], [tricky_string(), tricky_string(), tricky_string(), tricky_string()])
            .prop_map(|(url, templates, names)| Input::Links { url, templates, names }),
    ];
    fuzz("fuzz_urls", 400, input, |input| match input {
        Input::Token(raw) => check_token(raw),
        Input::Endpoint { base, path, segments, query } => check_endpoint(base, path, segments, query),
        Input::Links { url, templates, names } => check_links(url, templates, names),
    });
}

#[test]
fn encoded_segments_never_change_the_path() {
    for name in ["/", "..", ".", "%2F", "?", "#", "a/../b", "é"] {
        check_segment(&encode_segment(name), name).unwrap();
    }
}
