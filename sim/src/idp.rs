//! The built-in development identity provider — for development and tests only:
//! it signs whatever identity it is asked for. An RS256 key (generated at
//! start-up) and an ES256 key (P-256), served through OIDC discovery and a JWKS
//! like a real IdP's, and `POST /idp/token` with switches for the tokens tests
//! need: expired, not yet valid, wrong issuer, signed by a key outside the JWKS,
//! an unknown `kid`, extra or missing claims.
//!
//! Validation is not here: `auth.rs` checks every token, the built-in issuer's
//! included, the way Console checks a delegated JWT.

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use jsonwebtoken::jwk::{AlgorithmParameters, Jwk};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use p256::pkcs8::EncodePrivateKey;
use rand::RngCore;
use rsa::pkcs1::{EncodeRsaPrivateKey, LineEnding};
use serde::Deserialize;
use serde_json::{json, Map, Value};

pub const RSA_KEY_ID: &str = "conduktor-sim-dev";
pub const EC_KEY_ID: &str = "conduktor-sim-dev-es256";

/// The issuer written into `wrongIssuer` tokens.
pub const WRONG_ISSUER: &str = "https://wrong-issuer.invalid/";

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A signing key and the public JWK that verifies it.
#[derive(Clone)]
struct SigningKey {
    encoding: EncodingKey,
    jwk: Value,
}

pub struct DevIdp {
    issuer: String,
    rsa: SigningKey,
    ec: SigningKey,
    /// Signs `wrongKey` tokens; generated on first use, never published.
    stranger: OnceLock<Result<EncodingKey, String>>,
}

/// What `POST /idp/token` accepts. Only `email` and `groups` are needed; the rest
/// are switches for test tokens.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TokenRequest {
    pub email: Option<String>,
    #[serde(default)]
    pub groups: Vec<String>,
    /// Lifetime in seconds (default 3600); negative values mint expired tokens.
    pub expires_in: Option<i64>,
    /// `RS256` (default) or `ES256`.
    pub alg: Option<String>,
    /// Shorthand for an `exp` one minute in the past (beyond the leeway).
    #[serde(default)]
    pub expired: bool,
    /// Seconds from now for `nbf` (absent: no `nbf`).
    pub not_before_in: Option<i64>,
    /// Sign with `iss` set to another issuer.
    #[serde(default)]
    pub wrong_issuer: bool,
    /// Sign with a key that is not in the JWKS, under the published `kid`.
    #[serde(default)]
    pub wrong_key: bool,
    /// Override the header's `kid` (e.g. one the JWKS does not have).
    pub kid: Option<String>,
    /// Extra claims, merged last (they may override standard ones); a `null`
    /// value removes the claim.
    #[serde(default)]
    pub claims: Map<String, Value>,
}

impl DevIdp {
    /// With new keys (tests; the binary goes through `dev_key.rs`).
    #[cfg(test)]
    pub fn generate(issuer: String) -> Result<DevIdp, BoxError> {
        DevIdp::with_rsa_pem(issuer, &generate_rsa_pem()?)
    }

    /// With this RSA private key (PEM, PKCS#1 or PKCS#8) and a fresh EC key.
    pub fn with_rsa_pem(issuer: String, pem: &str) -> Result<DevIdp, BoxError> {
        let rsa = rsa_key(pem, RSA_KEY_ID)?;
        Ok(DevIdp { issuer, rsa, ec: ec_key(EC_KEY_ID)?, stranger: OnceLock::new() })
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
            "id_token_signing_alg_values_supported": ["RS256", "ES256"],
            "claims_supported": ["iss", "sub", "aud", "exp", "iat", "nbf", "email", "groups"],
        })
    }

    pub fn jwks(&self) -> Value {
        json!({ "keys": [self.rsa.jwk, self.ec.jwk] })
    }

    pub fn mint(&self, request: &TokenRequest) -> Result<(String, i64), BoxError> {
        let now = now();
        let lifetime = if request.expired { -60 } else { request.expires_in.unwrap_or(3600) };
        let mut claims = Map::new();
        let issuer = if request.wrong_issuer { WRONG_ISSUER } else { self.issuer.as_str() };
        claims.insert("iss".into(), json!(issuer));
        claims.insert("sub".into(), json!(request.email.as_deref().unwrap_or("anonymous")));
        claims.insert("aud".into(), json!("backstage"));
        claims.insert("iat".into(), json!(now));
        claims.insert("exp".into(), json!(now.saturating_add_signed(lifetime)));
        if let Some(offset) = request.not_before_in {
            claims.insert("nbf".into(), json!(now.saturating_add_signed(offset)));
        }
        if let Some(email) = &request.email {
            claims.insert("email".into(), json!(email));
        }
        claims.insert("groups".into(), json!(request.groups));
        for (key, value) in &request.claims {
            if value.is_null() {
                claims.remove(key);
            } else {
                claims.insert(key.clone(), value.clone());
            }
        }
        let (algorithm, key, kid) = match request.alg.as_deref().unwrap_or("RS256") {
            "RS256" if request.wrong_key => (Algorithm::RS256, self.stranger()?, RSA_KEY_ID),
            "RS256" => (Algorithm::RS256, &self.rsa.encoding, RSA_KEY_ID),
            "ES256" if request.wrong_key => return Err("wrongKey is only offered for RS256".into()),
            "ES256" => (Algorithm::ES256, &self.ec.encoding, EC_KEY_ID),
            other => return Err(format!("alg {other} is not offered (RS256, ES256)").into()),
        };
        let mut header = Header::new(algorithm);
        header.kid = Some(request.kid.clone().unwrap_or_else(|| kid.into()));
        Ok((jsonwebtoken::encode(&header, &claims, key)?, lifetime))
    }

    /// The same keys under another issuer (tests serve them from a stand-in IdP).
    #[cfg(test)]
    pub fn reissued(&self, issuer: String) -> DevIdp {
        DevIdp { issuer, rsa: self.rsa.clone(), ec: self.ec.clone(), stranger: OnceLock::new() }
    }

    fn stranger(&self) -> Result<&EncodingKey, BoxError> {
        let key = self.stranger.get_or_init(|| {
            let pem = generate_rsa_pem().map_err(|e| e.to_string())?;
            rsa_key(&pem, "stranger").map(|k| k.encoding).map_err(|e| e.to_string())
        });
        key.as_ref().map_err(|e| e.clone().into())
    }
}

/// A new RSA-2048 private key in PKCS#1 PEM: a few hundred milliseconds in a
/// debug build, hence `dev_key.rs`'s cache.
pub fn generate_rsa_pem() -> Result<String, BoxError> {
    let private = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048)?;
    Ok(private.to_pkcs1_pem(LineEnding::LF)?.to_string())
}

fn rsa_key(pem: &str, kid: &str) -> Result<SigningKey, BoxError> {
    let encoding = EncodingKey::from_rsa_pem(pem.as_bytes())?;
    let jwk = public_jwk(&encoding, Algorithm::RS256, kid)?;
    Ok(SigningKey { encoding, jwk })
}

fn ec_key(kid: &str) -> Result<SigningKey, BoxError> {
    // A random scalar is a valid P-256 key unless it is zero or above the group
    // order, which is astronomically unlikely; retry then.
    let secret = loop {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        if let Ok(secret) = p256::SecretKey::from_slice(&bytes) {
            break secret;
        }
    };
    let der = secret.to_pkcs8_der().map_err(|e| e.to_string())?;
    let encoding = EncodingKey::from_ec_der(der.as_bytes());
    let jwk = public_jwk(&encoding, Algorithm::ES256, kid)?;
    Ok(SigningKey { encoding, jwk })
}

/// The public half as a JWK with `kid`, `use` and `alg`, as IdPs publish them.
fn public_jwk(key: &EncodingKey, algorithm: Algorithm, kid: &str) -> Result<Value, BoxError> {
    let jwk = Jwk::from_encoding_key(key, algorithm)?;
    let mut value = match &jwk.algorithm {
        AlgorithmParameters::RSA(rsa) => json!({ "kty": "RSA", "n": rsa.n, "e": rsa.e }),
        AlgorithmParameters::EllipticCurve(ec) => json!({ "kty": "EC", "crv": "P-256", "x": ec.x, "y": ec.y }),
        _ => return Err("unexpected key type".into()),
    };
    value["kid"] = json!(kid);
    value["use"] = json!("sig");
    value["alg"] = json!(format!("{algorithm:?}"));
    Ok(value)
}

pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    fn payload(token: &str) -> Value {
        let part = token.split('.').nth(1).unwrap();
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
    }

    fn header(token: &str) -> Header {
        jsonwebtoken::decode_header(token).unwrap()
    }

    fn request(value: Value) -> TokenRequest {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn publishes_an_rsa_and_an_ec_key() {
        let idp = DevIdp::generate("http://127.0.0.1:1/idp".into()).unwrap();
        let keys = idp.jwks()["keys"].as_array().unwrap().clone();
        assert_eq!(keys.len(), 2);
        assert_eq!((keys[0]["kty"].as_str(), keys[0]["alg"].as_str()), (Some("RSA"), Some("RS256")));
        assert_eq!((keys[1]["kty"].as_str(), keys[1]["crv"].as_str()), (Some("EC"), Some("P-256")));
        assert_eq!(idp.discovery()["jwks_uri"], "http://127.0.0.1:1/idp/jwks");
    }

    #[test]
    fn switches_shape_the_token() {
        let idp = DevIdp::generate("http://127.0.0.1:1/idp".into()).unwrap();
        let (plain, lifetime) = idp.mint(&request(json!({ "email": "a@x", "groups": ["g"] }))).unwrap();
        assert_eq!(lifetime, 3600);
        assert_eq!(header(&plain).kid.as_deref(), Some(RSA_KEY_ID));
        assert_eq!(payload(&plain)["groups"], json!(["g"]));
        let (expired, _) = idp.mint(&request(json!({ "email": "a@x", "expired": true }))).unwrap();
        assert!(payload(&expired)["exp"].as_u64().unwrap() < now());
        let (wrong, _) = idp.mint(&request(json!({ "email": "a@x", "wrongIssuer": true }))).unwrap();
        assert_eq!(payload(&wrong)["iss"], WRONG_ISSUER);
        let (es, _) = idp.mint(&request(json!({ "email": "a@x", "alg": "ES256" }))).unwrap();
        assert_eq!((header(&es).alg, header(&es).kid.as_deref()), (Algorithm::ES256, Some(EC_KEY_ID)));
        let (custom, _) = idp
            .mint(&request(json!({ "email": "a@x", "claims": { "email": null, "upn": "a" }, "kid": "k2" })))
            .unwrap();
        assert_eq!((payload(&custom).get("email"), payload(&custom)["upn"].as_str()), (None, Some("a")));
        assert_eq!(header(&custom).kid.as_deref(), Some("k2"));
        assert!(idp.mint(&request(json!({ "alg": "HS256" }))).is_err());
        assert!(serde_json::from_value::<TokenRequest>(json!({ "emial": "typo" })).is_err(), "typos are errors");
    }
}
