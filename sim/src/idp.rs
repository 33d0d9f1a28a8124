//! The built-in development identity provider: an RS256 key generated at start-up,
//! OIDC discovery and JWKS documents, a token endpoint that signs whatever identity
//! a test asks for, and the validation Console applies to delegated JWTs
//! (signature against the issuer's keys, issuer, expiry; `aud` is not checked,
//! as Console documents no audience setting).

use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rsa::pkcs1::{EncodeRsaPrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const KEY_ID: &str = "conduktor-sim-dev";

/// Clock skew tolerated on `exp` and `nbf`.
const LEEWAY_SECONDS: u64 = 5;

pub struct DevIdp {
    issuer: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    jwk: Value,
}

/// The claims Console reads: `email` (username claim) and `groups` (groups claim).
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub sub: String,
    pub aud: String,
    pub iat: u64,
    pub exp: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default)]
    pub groups: Vec<String>,
}

/// What `POST /idp/token` accepts.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequest {
    pub email: Option<String>,
    #[serde(default)]
    pub groups: Vec<String>,
    /// Lifetime in seconds; negative values mint already-expired tokens for tests.
    pub expires_in: Option<i64>,
}

impl DevIdp {
    pub fn generate(issuer: String) -> Result<DevIdp, Box<dyn std::error::Error>> {
        let private = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048)?;
        let n = URL_SAFE_NO_PAD.encode(private.n().to_bytes_be());
        let e = URL_SAFE_NO_PAD.encode(private.e().to_bytes_be());
        let pem = private.to_pkcs1_pem(LineEnding::LF)?;
        Ok(DevIdp {
            issuer,
            encoding: EncodingKey::from_rsa_pem(pem.as_bytes())?,
            decoding: DecodingKey::from_rsa_components(&n, &e)?,
            jwk: json!({ "kty": "RSA", "use": "sig", "alg": "RS256", "kid": KEY_ID, "n": n, "e": e }),
        })
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    pub fn discovery(&self) -> Value {
        json!({
            "issuer": self.issuer,
            "jwks_uri": format!("{}/jwks", self.issuer),
            "token_endpoint": format!("{}/token", self.issuer),
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "claims_supported": ["iss", "sub", "aud", "exp", "iat", "email", "groups"],
        })
    }

    pub fn jwks(&self) -> Value {
        json!({ "keys": [self.jwk] })
    }

    pub fn mint(&self, request: &TokenRequest) -> Result<(String, i64), jsonwebtoken::errors::Error> {
        let now = now();
        let lifetime = request.expires_in.unwrap_or(3600);
        let claims = Claims {
            iss: self.issuer.clone(),
            sub: request.email.clone().unwrap_or_else(|| "anonymous".into()),
            aud: "backstage".into(),
            iat: now,
            exp: now.saturating_add_signed(lifetime),
            nbf: None,
            email: request.email.clone(),
            groups: request.groups.clone(),
        };
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(KEY_ID.into());
        Ok((jsonwebtoken::encode(&header, &claims, &self.encoding)?, lifetime))
    }

    /// Console's delegated-JWT check. `Err` carries a reason for the log only; the
    /// HTTP answer is always Console's generic 401.
    pub fn validate(&self, token: &str) -> Result<Claims, String> {
        // The key is chosen by `kid`, as from a JWKS: a token naming another key fails.
        let header = jsonwebtoken::decode_header(token).map_err(|e| format!("token rejected: {e}"))?;
        if header.kid.as_deref().is_some_and(|kid| kid != KEY_ID) {
            return Err("token signed with an unknown key id".into());
        }
        // Only RS256 is accepted: `alg: none` and HS256 (e.g. signed with the public key) fail.
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_issuer(&[&self.issuer]);
        validation.validate_aud = false;
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECONDS;
        validation.set_required_spec_claims(&["exp", "iss"]);
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation)
            .map_err(|e| format!("token rejected: {e}"))?
            .claims;
        if claims.email.as_deref().is_none_or(str::is_empty) {
            return Err("token has no email claim".into());
        }
        Ok(claims)
    }
}

fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idp() -> DevIdp {
        DevIdp::generate("http://127.0.0.1:1/idp".into()).unwrap()
    }

    fn request(email: Option<&str>, expires_in: i64) -> TokenRequest {
        TokenRequest { email: email.map(String::from), groups: vec!["payments".into()], expires_in: Some(expires_in) }
    }

    #[test]
    fn minted_tokens_validate_with_claims() {
        let idp = idp();
        let (token, _) = idp.mint(&request(Some("dev@example.com"), 60)).unwrap();
        let claims = idp.validate(&token).unwrap();
        assert_eq!(claims.email.as_deref(), Some("dev@example.com"));
        assert_eq!(claims.groups, vec!["payments"]);
    }

    #[test]
    fn rejects_expired_foreign_tampered_and_emailless_tokens() {
        let idp = idp();
        let (expired, _) = idp.mint(&request(Some("dev@example.com"), -10)).unwrap();
        assert!(idp.validate(&expired).is_err());
        let (no_email, _) = idp.mint(&request(None, 60)).unwrap();
        assert!(idp.validate(&no_email).is_err());
        let other = DevIdp::generate("http://127.0.0.1:1/idp".into()).unwrap();
        let (foreign, _) = other.mint(&request(Some("dev@example.com"), 60)).unwrap();
        assert!(idp.validate(&foreign).is_err(), "signed by another key");
        let other_issuer = DevIdp { issuer: "http://elsewhere/idp".into(), ..other };
        let (wrong_iss, _) = other_issuer.mint(&request(Some("dev@example.com"), 60)).unwrap();
        assert!(idp.validate(&wrong_iss).is_err());
        let (good, _) = idp.mint(&request(Some("dev@example.com"), 60)).unwrap();
        let mut parts: Vec<&str> = good.split('.').collect();
        let forged = URL_SAFE_NO_PAD.encode(br#"{"iss":"http://127.0.0.1:1/idp","sub":"x","aud":"b","iat":0,"exp":9999999999,"email":"admin@example.com","groups":["admins"]}"#);
        parts[1] = &forged;
        assert!(idp.validate(&parts.join(".")).is_err(), "payload swapped");
        assert!(idp.validate("not-a-jwt").is_err());
    }

    fn encode_with(idp: &DevIdp, header: Header, key: &EncodingKey, adjust: impl Fn(&mut Claims)) -> String {
        let now = now();
        let mut claims = Claims {
            iss: idp.issuer.clone(),
            sub: "dev".into(),
            aud: "backstage".into(),
            iat: now,
            exp: now + 60,
            nbf: None,
            email: Some("dev@example.com".into()),
            groups: vec![],
        };
        adjust(&mut claims);
        jsonwebtoken::encode(&header, &claims, key).unwrap()
    }

    #[test]
    fn rejects_future_nbf_unknown_kid_and_symmetric_or_unsigned_tokens() {
        let idp = idp();
        let rs256 = || {
            let mut header = Header::new(Algorithm::RS256);
            header.kid = Some(KEY_ID.into());
            header
        };
        let ok = encode_with(&idp, rs256(), &idp.encoding, |_| {});
        assert!(idp.validate(&ok).is_ok());
        let early = encode_with(&idp, rs256(), &idp.encoding, |c| c.nbf = Some(now() + 600));
        assert!(idp.validate(&early).is_err(), "nbf in the future");
        let skewed = encode_with(&idp, rs256(), &idp.encoding, |c| c.nbf = Some(now() + 2));
        assert!(idp.validate(&skewed).is_ok(), "within the leeway");
        let mut other_kid = rs256();
        other_kid.kid = Some("rotated-away".into());
        assert!(idp.validate(&encode_with(&idp, other_kid, &idp.encoding, |_| {})).is_err(), "unknown kid");
        // HS256 signed with the public modulus as the secret: the classic key-confusion attack.
        let n = idp.jwk["n"].as_str().unwrap().as_bytes().to_vec();
        let hs = encode_with(&idp, Header::new(Algorithm::HS256), &EncodingKey::from_secret(&n).unwrap(), |_| {});
        assert!(idp.validate(&hs).is_err(), "HS256");
        let parts: Vec<&str> = ok.split('.').collect();
        let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        assert!(idp.validate(&format!("{none_header}.{}.", parts[1])).is_err(), "alg none");
        assert!(idp.validate(&format!("{}.{}.", parts[0], parts[1])).is_err(), "signature stripped");
    }
}
