//! `inspectToken`: reads a JWT's claims *without verifying it*, so the card can
//! explain a 401 (expired, no email claim, wrong issuer…). Verification is Console's
//! job; nothing here decides access. The report never contains the token, its
//! signature, or any claim other than the ones listed in `TokenReport`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::CoreError;

/// What the card may show about the user's token.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TokenReport {
    /// The signing algorithm from the header (`RS256`, …).
    pub algorithm: Option<String>,
    pub issuer: Option<String>,
    pub audience: Vec<String>,
    /// Milliseconds since the epoch (JavaScript `Date` time), when the token says.
    pub expires_at: Option<f64>,
    /// Whether `exp` is in the past at `now`; null when there is no `exp`.
    pub expired: Option<bool>,
    pub issued_at: Option<f64>,
    pub not_before: Option<f64>,
    /// Console maps the user by this claim (default `email`).
    pub has_email_claim: bool,
    /// Console maps groups through this claim (default `groups`).
    pub has_groups_claim: bool,
    pub groups: Vec<String>,
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    alg: Option<String>,
}

#[derive(Deserialize)]
struct Claims {
    #[serde(default)]
    iss: Option<Value>,
    #[serde(default)]
    aud: Option<Value>,
    #[serde(default)]
    exp: Option<Value>,
    #[serde(default)]
    iat: Option<Value>,
    #[serde(default)]
    nbf: Option<Value>,
    #[serde(default)]
    email: Option<Value>,
    #[serde(default)]
    groups: Option<Value>,
}

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
    let header: Header = decode_part(header).ok_or_else(|| not_a_jwt("its header is not base64url-encoded JSON"))?;
    let claims: Claims = decode_part(payload).ok_or_else(|| not_a_jwt("its payload is not base64url-encoded JSON"))?;
    let seconds_to_ms =
        |v: &Option<Value>| v.as_ref().and_then(Value::as_f64).filter(|s| s.is_finite()).map(|s| s * 1000.0);
    let expires_at = seconds_to_ms(&claims.exp);
    Ok(TokenReport {
        algorithm: header.alg,
        issuer: claims.iss.and_then(|v| v.as_str().map(String::from)),
        audience: strings(claims.aud),
        expires_at,
        expired: expires_at.map(|exp| exp <= now_ms),
        issued_at: seconds_to_ms(&claims.iat),
        not_before: seconds_to_ms(&claims.nbf),
        has_email_claim: claims.email.as_ref().and_then(Value::as_str).is_some_and(|e| !e.is_empty()),
        has_groups_claim: claims.groups.is_some(),
        groups: strings(claims.groups),
    })
}

/// A string or an array of strings (as `aud` and `groups` may be); other values are ignored.
fn strings(value: Option<Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s],
        Some(Value::Array(items)) => items.into_iter().filter_map(|v| v.as_str().map(String::from)).collect(),
        _ => Vec::new(),
    }
}

/// A JWT part must be a JSON *object* (serde would also read a struct from an array).
fn decode_part<T: for<'de> Deserialize<'de>>(part: &str) -> Option<T> {
    let value: Value = serde_json::from_slice(&base64url_decode(part)?).ok()?;
    if !value.is_object() {
        return None;
    }
    serde_json::from_value(value).ok()
}

/// Unpadded (or padded) base64url, as JWTs use.
pub fn base64url_decode(input: &str) -> Option<Vec<u8>> {
    let input = input.trim_end_matches('=');
    if input.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for byte in input.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
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
            assert_eq!(base64url_decode(&b64(sample)).unwrap(), sample);
        }
        assert_eq!(base64url_decode("Zm9v").unwrap(), b"foo");
        assert_eq!(base64url_decode("Zm8=").unwrap(), b"fo");
        assert!(base64url_decode("Zm9v+").is_none());
        assert!(base64url_decode("A").is_none());
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
        assert_eq!(report.expires_at, Some(2_000_000.0));
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
