//! Console's delegated-JWT check (`conduktor-api.md` §4.1): a bearer token is
//! accepted when it is signed (RS256 or ES256) by a key of the configured issuer,
//! its `iss` is that issuer, and `exp` / `nbf` hold within a small leeway. The
//! username comes from the username claim (default `email`) and the IdP groups
//! from the groups claim (default `groups`). `aud` is not checked: Console
//! documents no audience setting.
//!
//! Every failure is Console's one 401; the reason goes to the log only, and
//! never with the token.

use std::time::Duration;

use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, Validation};
use serde_json::{Map, Value};

use crate::jwks::{candidates, KeyError, RemoteKeys, VerifyKey};

/// Clock skew tolerated on `exp` and `nbf`.
pub const LEEWAY_SECONDS: u64 = 5;

/// Where the issuer's keys come from.
pub enum Keys {
    /// The built-in development issuer's own keys, in memory.
    Local(Vec<VerifyKey>),
    /// An external issuer, through OIDC discovery and its JWKS.
    Remote(Box<RemoteKeys>),
}

pub struct Verifier {
    issuer: String,
    keys: Keys,
    username_claim: String,
    groups_claim: String,
}

/// Who a valid token belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub username: String,
    pub groups: Vec<String>,
}

/// Why a token was refused: for the log, never for the client.
#[derive(Debug, PartialEq)]
pub enum Rejection {
    NoToken,
    MalformedHeader,
    Malformed,
    UnsupportedAlgorithm(String),
    UnknownKey(Option<String>),
    KeysUnavailable(String),
    Expired,
    NotYetValid,
    WrongIssuer,
    BadSignature,
    MissingClaim(String),
    MissingUsername(String),
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejection::NoToken => write!(f, "no Authorization header"),
            Rejection::MalformedHeader => write!(f, "Authorization is not one `Bearer <token>`"),
            Rejection::Malformed => write!(f, "not a well-formed JWT"),
            Rejection::UnsupportedAlgorithm(alg) => write!(f, "algorithm {alg} is not accepted (RS256, ES256)"),
            Rejection::UnknownKey(kid) => write!(f, "no key of the issuer has kid {kid:?}"),
            Rejection::KeysUnavailable(why) => write!(f, "the issuer's keys are unavailable: {why}"),
            Rejection::Expired => write!(f, "expired"),
            Rejection::NotYetValid => write!(f, "nbf is in the future"),
            Rejection::WrongIssuer => write!(f, "iss is not the configured issuer"),
            Rejection::BadSignature => write!(f, "the signature does not verify"),
            Rejection::MissingClaim(claim) => write!(f, "claim {claim} is missing or malformed"),
            Rejection::MissingUsername(claim) => write!(f, "no username claim {claim:?}"),
        }
    }
}

/// The token of an `Authorization: Bearer <token>` header. The scheme is
/// case-insensitive (RFC 7235); anything else — another scheme, no token, a
/// second header, a token with spaces or non-token characters — is malformed.
pub fn bearer_token(headers: &HeaderMap) -> Result<&str, Rejection> {
    let mut values = headers.get_all(AUTHORIZATION).iter();
    let value = values.next().ok_or(Rejection::NoToken)?;
    if values.next().is_some() {
        return Err(Rejection::MalformedHeader);
    }
    let value = value.to_str().map_err(|_| Rejection::MalformedHeader)?;
    let (scheme, token) = value.split_once(' ').ok_or(Rejection::MalformedHeader)?;
    // RFC 6750 b64token: ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/", then "="s.
    let token_char = |c: char| c.is_ascii_alphanumeric() || "-._~+/=".contains(c);
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() || !token.chars().all(token_char) {
        return Err(Rejection::MalformedHeader);
    }
    Ok(token)
}

impl Verifier {
    pub fn new(issuer: String, keys: Keys, username_claim: String, groups_claim: String) -> Verifier {
        Verifier { issuer, keys, username_claim, groups_claim }
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// What `GET /sim/auth` shows: the settings and how often keys were fetched.
    pub fn describe(&self) -> Value {
        let (source, fetches) = match &self.keys {
            Keys::Local(_) => ("built-in development issuer", 0),
            Keys::Remote(remote) => ("OIDC discovery and JWKS", remote.fetches()),
        };
        serde_json::json!({
            "issuer": self.issuer,
            "usernameClaim": self.username_claim,
            "groupsClaim": self.groups_claim,
            "keySource": source,
            "jwksFetches": fetches,
            "leewaySeconds": LEEWAY_SECONDS,
        })
    }

    pub async fn verify(&self, token: &str) -> Result<Identity, Rejection> {
        // `alg: none` and other unknown names fail to parse here.
        let header = jsonwebtoken::decode_header(token)
            .map_err(|_| algorithm_name(token).map_or(Rejection::Malformed, Rejection::UnsupportedAlgorithm))?;
        if !matches!(header.alg, Algorithm::RS256 | Algorithm::ES256) {
            return Err(Rejection::UnsupportedAlgorithm(format!("{:?}", header.alg)));
        }
        let kid = header.kid.as_deref();
        let keys = match &self.keys {
            Keys::Local(keys) => candidates(keys, kid, header.alg),
            Keys::Remote(remote) => remote.keys_for(kid, header.alg).await.map_err(|e| match e {
                KeyError::UnknownKid => Rejection::UnknownKey(header.kid.clone()),
                KeyError::Unavailable(why) => Rejection::KeysUnavailable(why),
            })?,
        };
        if keys.is_empty() {
            return Err(Rejection::UnknownKey(header.kid.clone()));
        }
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[&self.issuer]);
        validation.validate_aud = false;
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECONDS;
        validation.set_required_spec_claims(&["exp", "iss"]);
        let mut last = Rejection::BadSignature;
        for key in &keys {
            match jsonwebtoken::decode::<Map<String, Value>>(token, &key.key, &validation) {
                Ok(data) => return self.identity(&data.claims),
                Err(error) => last = rejection(error.kind()),
            }
        }
        Err(last)
    }

    fn identity(&self, claims: &Map<String, Value>) -> Result<Identity, Rejection> {
        let username = claims
            .get(&self.username_claim)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| Rejection::MissingUsername(self.username_claim.clone()))?;
        // An array of strings; a single string is one group; anything else none.
        let groups = match claims.get(&self.groups_claim) {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(String::from).collect(),
            Some(Value::String(one)) => vec![one.clone()],
            _ => vec![],
        };
        Ok(Identity { username: username.to_string(), groups })
    }
}

/// The header's `alg` text, for the log (the header is not secret).
fn algorithm_name(token: &str) -> Option<String> {
    use base64::Engine;
    let header = token.split('.').next().unwrap_or("");
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(header.trim_end_matches('='))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .and_then(|h| h.get("alg").and_then(Value::as_str).map(|a| a.chars().take(16).collect()))
}

fn rejection(kind: &ErrorKind) -> Rejection {
    match kind {
        ErrorKind::ExpiredSignature => Rejection::Expired,
        ErrorKind::ImmatureSignature => Rejection::NotYetValid,
        ErrorKind::InvalidIssuer => Rejection::WrongIssuer,
        ErrorKind::InvalidSignature | ErrorKind::InvalidAlgorithm => Rejection::BadSignature,
        ErrorKind::MissingRequiredClaim(claim) | ErrorKind::InvalidClaimFormat(claim) => {
            Rejection::MissingClaim(claim.chars().take(32).collect())
        }
        _ => Rejection::Malformed,
    }
}

/// The refetch interval's default: rotation is seen at once, a flood of unknown
/// `kid`s costs the IdP one fetch per interval.
pub const DEFAULT_REFETCH_INTERVAL: Duration = Duration::from_secs(10);

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(values: &[&[u8]]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for value in values {
            map.append(AUTHORIZATION, HeaderValue::from_bytes(value).unwrap());
        }
        map
    }

    #[test]
    fn reads_one_bearer_token() {
        assert_eq!(bearer_token(&headers(&[b"Bearer abc.def.ghi"])), Ok("abc.def.ghi"));
        assert_eq!(bearer_token(&headers(&[b"bearer abc"])), Ok("abc"), "the scheme is case-insensitive");
        assert_eq!(bearer_token(&headers(&[])), Err(Rejection::NoToken));
        for bad in [
            &b"Bearer"[..],
            b"Bearer ",
            b"Bearer  abc",
            b"Basic dXNlcjpwYXNz",
            b"Bearer a b",
            b"Bearer abc,def",
            b"Token abc",
            b"Bearer \xe9abc",
        ] {
            assert_eq!(bearer_token(&headers(&[bad])), Err(Rejection::MalformedHeader), "{bad:?}");
        }
        assert_eq!(bearer_token(&headers(&[b"Bearer a", b"Bearer b"])), Err(Rejection::MalformedHeader));
    }

    #[test]
    fn names_the_algorithm_of_unparsable_headers() {
        use base64::Engine;
        let header = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
        assert_eq!(algorithm_name(&format!("{header}.e30.")).as_deref(), Some("none"));
        assert_eq!(algorithm_name("garbage"), None);
    }
}
