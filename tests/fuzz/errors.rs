//! Targets `fuzz_classify` (any status, content type and body gets the kind its
//! status calls for) and `fuzz_token` (the inspector reads any string without
//! panicking and never reports the signature or an unlisted claim).

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Map, Value};

use super::fuzz;
use super::gen::{apply_text_edits, base64url, document, json_value, text_edit, tricky_string, TextEdit};
use conduktor_card_core::classify::{classify, retry_after_ms};
use conduktor_card_core::error::ErrorKind;
use conduktor_card_core::inspect::inspect;

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        3 => proptest::sample::select(&[400u16, 401, 402, 403, 404, 408, 409, 429, 500, 502, 503, 504][..]),
        1 => any::<u16>(),
    ]
}

fn error_body() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (tricky_string(), prop::option::of(tricky_string()), prop::option::of(tricky_string()))
            .prop_map(|(title, msg, cause)| json!({ "title": title, "msg": msg, "cause": cause }).to_string()),
        2 => (prop_oneof![Just("AuthenticationError".to_string()), tricky_string()], prop::option::of(tricky_string()))
            .prop_map(|(name, message)| json!({ "error": { "name": name, "message": message } }).to_string()),
        1 => Just("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>".to_string()),
        2 => document().prop_map(|d| d.text),
        1 => any::<String>(),
    ]
}

fn expected_kind(status: u16) -> &'static [ErrorKind] {
    match status {
        401 => &[ErrorKind::Unauthorized, ErrorKind::ProxyRejected],
        402 => &[ErrorKind::LicenseRequired],
        403 => &[ErrorKind::Forbidden, ErrorKind::LicenseRequired],
        404 => &[ErrorKind::NotFound],
        429 => &[ErrorKind::RateLimited],
        500..=599 => &[ErrorKind::Server],
        _ => &[ErrorKind::Http],
    }
}

fn check_classify(
    status: u16,
    content_type: Option<String>,
    body: String,
    retry_after: Option<u64>,
) -> Result<(), TestCaseError> {
    let e = classify(status, content_type.as_deref(), &body, retry_after);
    prop_assert!(expected_kind(status).contains(&e.kind), "{} gave {:?}", status, e.kind);
    prop_assert_eq!(e.status, Some(status));
    let retries = matches!(e.kind, ErrorKind::RateLimited | ErrorKind::Server);
    prop_assert_eq!(e.retry_after_ms, retry_after.filter(|_| retries));
    prop_assert!(!e.message.is_empty());
    Ok(())
}

#[test]
fn fuzz_classify() {
    let content_type = prop::option::of(prop_oneof![
        Just("application/json".to_string()),
        Just("text/html; charset=utf-8".to_string()),
        Just("TEXT/HTML".to_string()),
        tricky_string(),
    ]);
    let header = prop_oneof!["[0-9]{0,25}", " ?[0-9]{1,5} ?", tricky_string()];
    let input = (status(), content_type, error_body(), prop::option::of(any::<u64>()), header);
    fuzz("fuzz_classify", 300, input, |(status, content_type, body, retry_after, header)| {
        let parsed = retry_after_ms(Some(&header));
        let expected = header.trim().parse::<u64>().ok().and_then(|s| s.checked_mul(1000)).filter(|ms| *ms < 1 << 53);
        prop_assert_eq!(parsed, expected, "{:?}", header);
        check_classify(status, content_type, body, retry_after)
    });
}

const SIGNATURE: &str = "SIGNATURE-MARKER-do-not-report";
const CLAIM_SECRET: &str = "CLAIM-MARKER-do-not-report";

/// A JWT with random claims (and an `exp` of many shapes), then maybe damaged.
#[derive(Debug, Clone)]
struct Jwt {
    header: Value,
    claims: Value,
    /// `exp` spliced into the payload as raw JSON text (numbers serde cannot hold).
    exp: Option<String>,
    edits: Vec<TextEdit>,
}

impl Jwt {
    fn text(&self) -> String {
        let mut claims = self.claims.to_string();
        if let (Some(exp), Some(rest)) = (&self.exp, claims.strip_prefix('{')) {
            claims = format!("{{\"exp\":{exp}{}{rest}", if rest == "}" { "" } else { "," });
        }
        let mut token =
            [base64url(self.header.to_string().as_bytes()), base64url(claims.as_bytes()), SIGNATURE.into()].join(".");
        apply_text_edits(&mut token, &self.edits);
        token
    }
}

fn claims() -> impl Strategy<Value = Value> {
    let claim = prop_oneof![
        (Just("iss".to_string()), prop_oneof![tricky_string().prop_map(Value::from), json_value()]),
        (Just("aud".to_string()), json_value()),
        (Just("groups".to_string()), json_value()),
        (Just("email".to_string()), json_value()),
        (Just("iat".to_string()), json_value()),
        (Just("nbf".to_string()), json_value()),
        ("[a-z]{1,6}", json_value()),
    ];
    proptest::collection::vec(claim, 0..6).prop_map(|claims| {
        let mut map: Map<String, Value> = claims.into_iter().collect();
        map.insert("secret".into(), CLAIM_SECRET.into());
        map.remove("exp");
        Value::Object(map)
    })
}

fn jwt() -> impl Strategy<Value = Jwt> {
    let header = prop_oneof![
        Just(json!({ "alg": "RS256", "typ": "JWT", "kid": "k1" })),
        json_value().prop_map(|v| match v {
            Value::Object(mut m) => {
                m.insert("password".into(), CLAIM_SECRET.into());
                Value::Object(m)
            }
            other => other,
        }),
    ];
    let exp = prop::option::of(prop_oneof![
        (-100_000_000_000i64..100_000_000_000).prop_map(|s| s.to_string()),
        "-?[0-9]{1,3}(\\.[0-9]{1,4})?(e[+-]?[0-9]{1,4})?",
        Just("1e400".to_string()),
        Just("\"1700000000\"".to_string()),
        Just("null".to_string()),
    ]);
    let edits = prop_oneof![3 => Just(vec![]), 1 => proptest::collection::vec(text_edit(), 1..3)];
    (header, claims(), exp, edits).prop_map(|(header, claims, exp, edits)| Jwt { header, claims, exp, edits })
}

fn check_token(jwt: Jwt, now_ms: f64) -> Result<(), TestCaseError> {
    let token = jwt.text();
    match inspect(&token, now_ms) {
        Err(e) => {
            prop_assert_eq!(e.kind, ErrorKind::InvalidInput);
            prop_assert!(!e.message.contains(SIGNATURE) && !e.message.contains(CLAIM_SECRET));
        }
        Ok(report) => {
            let out = serde_json::to_string(&report).unwrap_or_default();
            prop_assert!(serde_json::from_str::<Value>(&out).is_ok(), "{}", out);
            // Only an unedited token holds the markers where the report must not look: an
            // edit can cut a token into one whose `iss` really is the marker (found by a
            // ten-minute run: deleting the bytes between `"iss":"` and the secret's value).
            if jwt.edits.is_empty() {
                prop_assert!(!out.contains(SIGNATURE) && !out.contains(CLAIM_SECRET), "{}", out);
            }
            prop_assert_eq!(report.expired, report.expires_at.map(|exp| exp as f64 <= now_ms));
            if let (true, Some(Ok(seconds))) = (jwt.edits.is_empty(), jwt.exp.as_deref().map(str::parse::<i64>)) {
                prop_assert_eq!(report.expires_at, Some(seconds * 1000));
            }
        }
    }
    Ok(())
}

#[test]
fn fuzz_token() {
    let input = prop_oneof![
        4 => (jwt(), 0.0..4e12f64).prop_map(|(jwt, now)| (Some(jwt), String::new(), now)),
        1 => (tricky_string(), 0.0..4e12f64).prop_map(|(raw, now)| (None, raw, now)),
        1 => ("[A-Za-z0-9_=+/-]{0,30}(\\.[A-Za-z0-9_=+/-]{0,30}){0,4}", 0.0..4e12f64).prop_map(|(raw, now)| (None, raw, now)),
    ];
    fuzz("fuzz_token", 300, input, |(jwt, raw, now)| match jwt {
        Some(jwt) => check_token(jwt, now),
        None => match inspect(&raw, now) {
            Ok(report) => {
                prop_assert_eq!(report.expired, report.expires_at.map(|exp| exp as f64 <= now));
                Ok(())
            }
            Err(e) => {
                prop_assert_eq!(e.kind, ErrorKind::InvalidInput);
                Ok(())
            }
        },
    });
}

/// The long run's finding, kept: a token edited so that its `iss` is the marker reports
/// that issuer (it is a listed claim), and nothing else of the token.
#[test]
fn an_edit_can_make_the_marker_a_listed_claim() {
    let payload = base64url(format!(r#"{{"iss":"{CLAIM_SECRET}"}}"#).as_bytes());
    let token = format!("{}.{payload}.{SIGNATURE}", base64url(br#"{"alg":"RS256"}"#));
    let report = inspect(&token, 0.0).unwrap();
    assert_eq!(report.issuer.as_deref(), Some(CLAIM_SECRET));
    assert!(!serde_json::to_string(&report).unwrap().contains(SIGNATURE));
}
