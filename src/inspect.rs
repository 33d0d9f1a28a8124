//! `inspectToken`: reads a JWT's claims *without verifying it*, so the card can
//! explain a 401 (expired, no email claim, wrong issuer…). Verification is Console's
//! job; nothing here decides access. The report never contains the token, its
//! signature, or any claim other than the ones listed in `TokenReport`.

use std::borrow::Cow;

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use serde::{Deserialize, Deserializer, Serialize};
use serde_with::skip_serializing_none;

use crate::decode;
use crate::error::CoreError;
use crate::wire::lenient;

/// What the card may show about the user's token.
#[skip_serializing_none]
#[derive(Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields))]
pub struct TokenReport {
    /// The signing algorithm from the header (`RS256`, …).
    pub algorithm: Option<String>,
    pub issuer: Option<String>,
    pub audience: Vec<String>,
    /// Milliseconds since the epoch (JavaScript `Date` time), when the token says.
    pub expires_at: Option<i64>,
    /// Whether `exp` is in the past; absent when the token has no `exp`.
    pub expired: Option<bool>,
    pub issued_at: Option<i64>,
    pub not_before: Option<i64>,
    /// Console maps the user by this claim (default `email`).
    pub has_email_claim: bool,
    /// Console maps groups through this claim (default `groups`).
    pub has_groups_claim: bool,
    pub groups: Vec<String>,
}

#[derive(Deserialize)]
struct Header<'a> {
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    alg: Option<Cow<'a, str>>,
}

/// The claims the report reads; every other claim is skipped by the parser.
#[derive(Deserialize)]
struct Claims<'a> {
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    iss: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "lenient::strings")]
    aud: Vec<Cow<'a, str>>,
    #[serde(default, deserialize_with = "lenient::float")]
    exp: Option<f64>,
    #[serde(default, deserialize_with = "lenient::float")]
    iat: Option<f64>,
    #[serde(default, deserialize_with = "lenient::float")]
    nbf: Option<f64>,
    #[serde(borrow, default, deserialize_with = "lenient::text")]
    email: Option<Cow<'a, str>>,
    /// `None` when absent or null: present (even empty) means Console has a claim to read.
    #[serde(borrow, default, deserialize_with = "present_strings")]
    groups: Option<Vec<Cow<'a, str>>>,
}

fn present_strings<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<Cow<'de, str>>>, D::Error> {
    struct Strings<'a>(Vec<Cow<'a, str>>);
    impl<'de> Deserialize<'de> for Strings<'de> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            lenient::strings(deserializer).map(Strings)
        }
    }
    Ok(Option::<Strings>::deserialize(deserializer)?.map(|strings| strings.0))
}

/// Seconds since the epoch as JavaScript milliseconds; absent beyond what a `Date` holds.
fn millis(seconds: Option<f64>) -> Option<i64> {
    let ms = (seconds? * 1000.0).round();
    (ms.abs() <= 8.64e15).then_some(ms as i64)
}

/// JWT segments: base64url, padded or not.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new().with_encode_padding(false).with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Inspects `token` at `now_ms` (milliseconds since the epoch).
pub fn inspect(token: &str, now_ms: f64) -> Result<TokenReport, CoreError> {
    let not_a_jwt = |why: &str| {
        CoreError::invalid_input(format!(
            "the token is not a JWT ({why}): the card must be given the identity provider's ID token, or an access token that is a JWT"
        ))
    };
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(not_a_jwt("a JWT has three dot-separated parts"));
    };
    let header = decode_part(header).ok_or_else(|| not_a_jwt("its header is not base64url-encoded JSON"))?;
    let payload = decode_part(payload).ok_or_else(|| not_a_jwt("its payload is not base64url-encoded JSON"))?;
    let header: Header = decode::object(&header).map_err(|_| not_a_jwt("its header is not a JSON object"))?;
    let claims: Claims = decode::object(&payload).map_err(|_| not_a_jwt("its payload is not a JSON object"))?;
    let expires_at = millis(claims.exp);
    Ok(TokenReport {
        algorithm: header.alg.map(String::from),
        issuer: claims.iss.map(String::from),
        audience: claims.aud.into_iter().map(String::from).collect(),
        expires_at,
        expired: expires_at.map(|exp| exp as f64 <= now_ms),
        issued_at: millis(claims.iat),
        not_before: millis(claims.nbf),
        has_email_claim: claims.email.is_some_and(|e| !e.is_empty()),
        has_groups_claim: claims.groups.is_some(),
        groups: claims.groups.unwrap_or_default().into_iter().map(String::from).collect(),
    })
}

/// A JWT part: base64url-encoded UTF-8.
fn decode_part(part: &str) -> Option<String> {
    String::from_utf8(BASE64URL.decode(part).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn b64(bytes: &[u8]) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
            for i in 0..=chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }

    fn jwt(claims: &str) -> String {
        format!("{}.{}.c2lnbmF0dXJl", b64(br#"{"alg":"RS256","typ":"JWT"}"#), b64(claims.as_bytes()))
    }

    #[test]
    fn base64url_round_trips() {
        for sample in [&b""[..], b"f", b"fo", b"foo", b"foob", &[0xff, 0xfe, 0x00]] {
            assert_eq!(BASE64URL.decode(b64(sample)).unwrap(), sample);
        }
        assert_eq!(BASE64URL.decode("Zm9v").unwrap(), b"foo");
        assert_eq!(BASE64URL.decode("Zm8=").unwrap(), b"fo");
        assert!(BASE64URL.decode("Zm9v+").is_err());
        assert!(BASE64URL.decode("A").is_err());
    }

    #[test]
    fn reports_claims_of_a_valid_token() {
        let token = jwt(
            r#"{"iss":"https://idp.example.com","aud":"backstage","exp":2000,"iat":1000,"email":"dev@example.com","groups":["payments","x"]}"#,
        );
        let report = inspect(&token, 1_500_000.0).unwrap();
        assert_eq!(report.algorithm.as_deref(), Some("RS256"));
        assert_eq!(report.issuer.as_deref(), Some("https://idp.example.com"));
        assert_eq!(report.audience, vec!["backstage"]);
        assert_eq!(report.expires_at, Some(2_000_000));
        assert_eq!(report.expired, Some(false));
        assert!(report.has_email_claim && report.has_groups_claim);
        assert_eq!(report.groups, vec!["payments", "x"]);
    }

    #[test]
    fn expired_missing_claims_and_odd_types() {
        let report = inspect(&jwt(r#"{"exp":1,"aud":["a",2],"email":"","groups":"solo"}"#), 5000.0).unwrap();
        assert_eq!(report.expired, Some(true));
        assert_eq!(report.audience, vec!["a"]);
        assert!(!report.has_email_claim);
        assert_eq!(report.groups, vec!["solo"]);
        let report = inspect(&jwt("{}"), 0.0).unwrap();
        assert_eq!((report.expires_at, report.expired), (None, None));
        assert!(!report.has_groups_claim);
    }

    #[test]
    fn the_report_holds_nothing_else() {
        let token = jwt(r#"{"email":"dev@example.com","secret-claim":"hush","exp":1}"#);
        let text = serde_json::to_string(&inspect(&token, 0.0).unwrap()).unwrap();
        assert!(!text.contains("hush") && !text.contains("c2lnbmF0dXJl") && !text.contains("dev@example.com"));
    }

    #[test]
    fn non_jwts_are_invalid_input() {
        for bad in ["", "abc", "a.b", "a.b.c.d", "!!.e30.x", "e30.!!.x", "e30.bm90LWpzb24.x", "e30.W10.x"] {
            let e = inspect(bad, 0.0).expect_err(bad);
            assert_eq!(e.kind, ErrorKind::InvalidInput, "{bad}");
        }
    }
}
