//! `inspectToken`: reads a JWT's claims *without verifying it*, so the card can
//! explain a 401 (expired, no email claim, wrong issuer…). Verification is Console's
//! job; nothing here decides access. The report never contains the token, its
//! signature, or any claim other than the ones listed in `TokenReport`.

use crate::error::CoreError;
use crate::json::{self, object, Json, Number, ToJson};

/// What the card may show about the user's token.
#[derive(Debug, PartialEq)]
pub struct TokenReport {
    /// The signing algorithm from the header (`RS256`, …).
    pub algorithm: Option<String>,
    pub issuer: Option<String>,
    pub audience: Vec<String>,
    /// Milliseconds since the epoch (JavaScript `Date` time), when the token says.
    pub expires_at: Option<i64>,
    /// Whether `exp` is in the past at `now`; null when there is no `exp`.
    pub expired: Option<bool>,
    pub issued_at: Option<i64>,
    pub not_before: Option<i64>,
    /// Console maps the user by this claim (default `email`).
    pub has_email_claim: bool,
    /// Console maps groups through this claim (default `groups`).
    pub has_groups_claim: bool,
    pub groups: Vec<String>,
}

impl ToJson for TokenReport {
    fn write_json(&self, out: &mut String) {
        object(
            out,
            &[
                ("algorithm", &self.algorithm),
                ("issuer", &self.issuer),
                ("audience", &self.audience),
                ("expiresAt", &self.expires_at),
                ("expired", &self.expired),
                ("issuedAt", &self.issued_at),
                ("notBefore", &self.not_before),
                ("hasEmailClaim", &self.has_email_claim),
                ("hasGroupsClaim", &self.has_groups_claim),
                ("groups", &self.groups),
            ],
        );
    }
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
    let header = decode_part(header).ok_or_else(|| not_a_jwt("its header is not base64url-encoded JSON"))?;
    let payload = decode_part(payload).ok_or_else(|| not_a_jwt("its payload is not base64url-encoded JSON"))?;
    let (header, claims) = (
        parse_object(&header).ok_or_else(|| not_a_jwt("its header is not a JSON object"))?,
        parse_object(&payload).ok_or_else(|| not_a_jwt("its payload is not a JSON object"))?,
    );
    let millis = |claim: &str| claims.get(claim).and_then(Json::as_number).and_then(Number::parse)?.seconds_to_millis();
    let expires_at = millis("exp");
    Ok(TokenReport {
        algorithm: header.str_at("alg").map(String::from),
        issuer: claims.str_at("iss").map(String::from),
        audience: strings(claims.get("aud")),
        expires_at,
        expired: expires_at.map(|exp| exp as f64 <= now_ms),
        issued_at: millis("iat"),
        not_before: millis("nbf"),
        has_email_claim: claims.str_at("email").is_some_and(|e| !e.is_empty()),
        has_groups_claim: claims.get("groups").is_some_and(|groups| *groups != Json::Null),
        groups: strings(claims.get("groups")),
    })
}

/// A string or an array of strings (as `aud` and `groups` may be); other values are ignored.
fn strings(value: Option<&Json>) -> Vec<String> {
    match value {
        Some(Json::String(s)) => vec![s.to_string()],
        Some(Json::Array(items)) => items.iter().filter_map(|v| v.as_str().map(String::from)).collect(),
        _ => Vec::new(),
    }
}

/// A JWT part: base64url-encoded UTF-8.
fn decode_part(part: &str) -> Option<String> {
    String::from_utf8(base64url_decode(part)?).ok()
}

/// A JWT part must be a JSON *object*.
fn parse_object(text: &str) -> Option<Json<'_>> {
    json::parse(text).ok().filter(|value| value.as_object().is_some())
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
        let text = json::to_string(&inspect(&token, 0.0).unwrap());
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
