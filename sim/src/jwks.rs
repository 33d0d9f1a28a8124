//! Where token-verification keys come from, as Console finds them for
//! `sso.jwt-auth.issuer`: the issuer's OIDC discovery document
//! (`${issuer}/.well-known/openid-configuration`), then its `jwks_uri`. Keys are
//! cached and refetched when a token names a `kid` the cache does not have (key
//! rotation), at most once per refetch interval, so a flood of tokens with
//! made-up `kid`s cannot hammer the IdP.
//!
//! Only RS256 (RSA) and ES256 (EC P-256) signing keys are kept; other keys in
//! the set (encryption keys, Ed25519, P-384…) are skipped.

use std::sync::RwLock;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Empty, Limited};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use jsonwebtoken::{Algorithm, DecodingKey};
use serde_json::Value;

/// One key that verifies signatures.
#[derive(Clone)]
pub struct VerifyKey {
    pub kid: Option<String>,
    pub algorithm: Algorithm,
    pub key: DecodingKey,
}

/// Parses a JWKS document, keeping the RS256 and ES256 signing keys.
pub fn parse_jwks(document: &Value) -> Result<Vec<VerifyKey>, String> {
    let keys = document.get("keys").and_then(Value::as_array).ok_or("the JWKS has no \"keys\" array")?;
    Ok(keys.iter().filter_map(parse_jwk).collect())
}

fn parse_jwk(jwk: &Value) -> Option<VerifyKey> {
    let text = |key: &str| jwk.get(key).and_then(Value::as_str);
    if text("use").is_some_and(|u| u != "sig") {
        return None;
    }
    let (algorithm, key) = match (text("kty")?, text("alg")) {
        ("RSA", None | Some("RS256")) => (Algorithm::RS256, DecodingKey::from_rsa_components(text("n")?, text("e")?)),
        ("EC", None | Some("ES256")) if text("crv") == Some("P-256") => {
            (Algorithm::ES256, DecodingKey::from_ec_components(text("x")?, text("y")?))
        }
        _ => return None,
    };
    Some(VerifyKey { kid: text("kid").map(String::from), algorithm, key: key.ok()? })
}

/// The keys that may have signed a token with this header: the one with its
/// `kid`, or without a `kid` every key of its algorithm.
pub fn candidates(keys: &[VerifyKey], kid: Option<&str>, algorithm: Algorithm) -> Vec<VerifyKey> {
    keys.iter()
        .filter(|k| k.algorithm == algorithm && kid.is_none_or(|kid| k.kid.as_deref() == Some(kid)))
        .cloned()
        .collect()
}

/// After a failed fetch with nothing cached, wait this long before trying again.
const COLD_RETRY: Duration = Duration::from_secs(1);
/// Discovery and JWKS answers larger than this are refused.
const MAX_DOCUMENT_BYTES: usize = 1 << 20;
const FETCH_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Default)]
struct Cache {
    keys: Vec<VerifyKey>,
    loaded: bool,
    last_attempt: Option<Instant>,
    last_refetch: Option<Instant>,
    fetches: u64,
}

/// The keys of an external issuer, fetched over HTTP.
pub struct RemoteKeys {
    issuer: String,
    refetch_interval: Duration,
    client: Client<HttpConnector, Empty<Bytes>>,
    cache: RwLock<Cache>,
    /// One fetch at a time; waiters recheck the cache when they get the lock.
    fetching: tokio::sync::Mutex<()>,
}

/// Why no key could be found (for the log; the client always gets Console's 401).
#[derive(Debug, PartialEq)]
pub enum KeyError {
    UnknownKid,
    Unavailable(String),
}

impl RemoteKeys {
    pub fn new(issuer: String, refetch_interval: Duration) -> RemoteKeys {
        RemoteKeys {
            issuer,
            refetch_interval,
            client: Client::builder(TokioExecutor::new()).build_http(),
            cache: RwLock::new(Cache::default()),
            fetching: tokio::sync::Mutex::new(()),
        }
    }

    /// How many times discovery and JWKS were fetched (for tests and /sim/auth).
    pub fn fetches(&self) -> u64 {
        self.cache.read().map(|c| c.fetches).unwrap_or(0)
    }

    pub async fn keys_for(&self, kid: Option<&str>, algorithm: Algorithm) -> Result<Vec<VerifyKey>, KeyError> {
        if let Some(found) = self.cached(kid, algorithm)? {
            return Ok(found);
        }
        let _guard = self.fetching.lock().await;
        // Another request may have fetched while this one waited.
        if let Some(found) = self.cached(kid, algorithm)? {
            return Ok(found);
        }
        self.claim_fetch()?;
        let fetched = self.fetch().await;
        let mut cache = self.cache.write().map_err(|_| KeyError::Unavailable("cache poisoned".into()))?;
        cache.fetches += 1;
        match fetched {
            Ok(keys) => {
                tracing::info!(issuer = %self.issuer, keys = keys.len(), "fetched the issuer's signing keys");
                cache.keys = keys;
                cache.loaded = true;
            }
            Err(error) => {
                tracing::warn!(issuer = %self.issuer, %error, "could not fetch the issuer's signing keys");
                if !cache.loaded {
                    return Err(KeyError::Unavailable(error));
                }
            }
        }
        let found = candidates(&cache.keys, kid, algorithm);
        if found.is_empty() {
            Err(KeyError::UnknownKid)
        } else {
            Ok(found)
        }
    }

    /// `Some` when the cache answers; `None` when a fetch is needed.
    fn cached(&self, kid: Option<&str>, algorithm: Algorithm) -> Result<Option<Vec<VerifyKey>>, KeyError> {
        let cache = self.cache.read().map_err(|_| KeyError::Unavailable("cache poisoned".into()))?;
        let found = candidates(&cache.keys, kid, algorithm);
        Ok((cache.loaded && !found.is_empty()).then_some(found))
    }

    /// Takes the right to fetch now, or says why not: the first fetch is retried
    /// after `COLD_RETRY`; refetches for an unknown `kid` wait `refetch_interval`.
    fn claim_fetch(&self) -> Result<(), KeyError> {
        let mut cache = self.cache.write().map_err(|_| KeyError::Unavailable("cache poisoned".into()))?;
        let now = Instant::now();
        let since = |at: Option<Instant>| at.map(|at| now.duration_since(at));
        if !cache.loaded {
            if since(cache.last_attempt).is_some_and(|d| d < COLD_RETRY) {
                return Err(KeyError::Unavailable("the last fetch failed moments ago".into()));
            }
        } else if since(cache.last_refetch).is_some_and(|d| d < self.refetch_interval) {
            return Err(KeyError::UnknownKid);
        } else {
            cache.last_refetch = Some(now);
        }
        cache.last_attempt = Some(now);
        Ok(())
    }

    async fn fetch(&self) -> Result<Vec<VerifyKey>, String> {
        let discovery_url = format!("{}/.well-known/openid-configuration", self.issuer.trim_end_matches('/'));
        let discovery = self.get_json(&discovery_url).await?;
        if discovery.get("issuer").and_then(Value::as_str) != Some(self.issuer.as_str()) {
            tracing::warn!(issuer = %self.issuer, discovered = %discovery["issuer"], "the discovery document names another issuer");
        }
        let jwks_uri = discovery.get("jwks_uri").and_then(Value::as_str).ok_or("discovery has no jwks_uri")?;
        let jwks = self.get_json(jwks_uri).await?;
        parse_jwks(&jwks)
    }

    async fn get_json(&self, url: &str) -> Result<Value, String> {
        let uri: hyper::Uri = url.parse().map_err(|e| format!("{url}: {e}"))?;
        if uri.scheme_str() != Some("http") {
            return Err(format!("{url}: only http:// issuers are supported (the simulator has no TLS client)"));
        }
        let request = async {
            let response = self.client.get(uri).await.map_err(|e| format!("{url}: {e}"))?;
            if !response.status().is_success() {
                return Err(format!("{url}: HTTP {}", response.status()));
            }
            let body = Limited::new(response.into_body(), MAX_DOCUMENT_BYTES)
                .collect()
                .await
                .map_err(|e| format!("{url}: {e}"))?
                .to_bytes();
            serde_json::from_slice(&body).map_err(|e| format!("{url}: not JSON: {e}"))
        };
        tokio::time::timeout(FETCH_TIMEOUT, request).await.map_err(|_| format!("{url}: timed out"))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_rsa_and_p256_signing_keys_only() {
        let document = json!({ "keys": [
            { "kty": "RSA", "kid": "r", "n": "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw", "e": "AQAB" },
            { "kty": "RSA", "kid": "enc", "use": "enc", "n": "AQAB", "e": "AQAB" },
            { "kty": "RSA", "kid": "rs512", "alg": "RS512", "n": "AQAB", "e": "AQAB" },
            { "kty": "EC", "kid": "p384", "crv": "P-384", "x": "AQAB", "y": "AQAB" },
            { "kty": "OKP", "kid": "ed", "crv": "Ed25519", "x": "AQAB" },
            { "kty": "EC", "kid": "p256", "crv": "P-256", "x": "AQAB", "y": "AQAB" }
        ]});
        let keys = parse_jwks(&document).unwrap();
        let kids: Vec<_> = keys.iter().map(|k| (k.kid.as_deref().unwrap(), k.algorithm)).collect();
        assert_eq!(kids, vec![("r", Algorithm::RS256), ("p256", Algorithm::ES256)]);
        assert_eq!(candidates(&keys, Some("r"), Algorithm::RS256).len(), 1);
        assert!(candidates(&keys, Some("r"), Algorithm::ES256).is_empty(), "alg must match the key");
        assert_eq!(candidates(&keys, None, Algorithm::ES256).len(), 1, "no kid: every key of the alg");
        assert!(parse_jwks(&json!({})).is_err());
    }

    #[tokio::test]
    async fn refuses_https_and_unreachable_issuers() {
        let keys = RemoteKeys::new("https://idp.example".into(), Duration::from_secs(10));
        let error = keys.keys_for(Some("k"), Algorithm::RS256).await.err().unwrap();
        assert!(matches!(&error, KeyError::Unavailable(e) if e.contains("only http://")), "{error:?}");
        let error = keys.keys_for(Some("k"), Algorithm::RS256).await.err().unwrap();
        assert!(matches!(&error, KeyError::Unavailable(e) if e.contains("moments ago")), "cold retry is paced");
        assert_eq!(keys.fetches(), 1);
    }
}
