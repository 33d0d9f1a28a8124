//! The authentication matrix against the built-in issuer: every way a token can
//! be wrong gets Console's 401 and its exact body; valid ones get through.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::json;

use super::{assert_unauthenticated, names, simulator};
use crate::idp::{now, RSA_KEY_ID};

const CLUSTERS: &str = "/api/public/console/v2/kafka-cluster";

#[tokio::test]
async fn valid_tokens_pass_with_rs256_and_es256() {
    let (sim, _) = simulator(false).await;
    for alg in ["RS256", "ES256"] {
        let token = sim.token(json!({ "email": "dev@example.com", "groups": ["conduktor-admins"], "alg": alg })).await;
        let answer = sim.get(CLUSTERS, Some(&token)).await;
        assert_eq!(answer.status, 200, "{alg}: {}", answer.text());
        assert_eq!(names(&answer.json()), vec!["prod-eu", "staging", "dev"], "{alg}");
    }
    // A `nbf` a little in the future is within the leeway.
    let skewed = sim.token(json!({ "email": "dev@example.com", "notBeforeIn": 2 })).await;
    assert_eq!(sim.get(CLUSTERS, Some(&skewed)).await.status, 200);
    let lower_case_scheme = format!("bearer {skewed}");
    let answer =
        sim.send(axum::http::Method::GET, CLUSTERS, &[("authorization", lower_case_scheme.as_bytes())], None).await;
    assert_eq!(answer.status, 200, "the scheme is case-insensitive");
}

#[tokio::test]
async fn time_issuer_key_and_claim_failures_are_401() {
    let (sim, _) = simulator(false).await;
    let cases = [
        ("expired", json!({ "email": "dev@example.com", "expired": true })),
        ("expired by expiresIn", json!({ "email": "dev@example.com", "expiresIn": -30 })),
        ("nbf in the future", json!({ "email": "dev@example.com", "notBeforeIn": 600 })),
        ("wrong issuer", json!({ "email": "dev@example.com", "wrongIssuer": true })),
        ("signed by a key outside the JWKS", json!({ "email": "dev@example.com", "wrongKey": true })),
        ("unknown kid", json!({ "email": "dev@example.com", "kid": "rotated-away" })),
        ("ES256 token naming the RSA key", json!({ "email": "dev@example.com", "alg": "ES256", "kid": RSA_KEY_ID })),
        ("missing username claim", json!({ "groups": ["conduktor-admins"] })),
        ("empty username claim", json!({ "email": "  " })),
        ("missing exp", json!({ "email": "dev@example.com", "claims": { "exp": null } })),
        ("missing iss", json!({ "email": "dev@example.com", "claims": { "iss": null } })),
    ];
    for (case, request) in cases {
        let token = sim.token(request).await;
        assert_unauthenticated(&sim.get(CLUSTERS, Some(&token)).await, case);
    }
}

#[tokio::test]
async fn forged_and_confused_tokens_are_401() {
    let (sim, state) = simulator(false).await;
    let good = sim.token(json!({ "email": "dev@example.com", "groups": ["payments-developers"] })).await;
    let parts: Vec<&str> = good.split('.').collect();
    let payload = |claims: serde_json::Value| URL_SAFE_NO_PAD.encode(claims.to_string());
    let admin_claims = json!({
        "iss": state.idp.issuer(), "sub": "x", "iat": now(), "exp": now() + 600,
        "email": "admin@example.com", "groups": ["conduktor-admins"]
    });
    let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    // HS256 "signed" with the RSA public key's modulus, the classic key-confusion attack.
    let modulus = state.idp.jwks()["keys"][0]["n"].as_str().unwrap().to_string();
    let mut hs_header = Header::new(Algorithm::HS256);
    hs_header.kid = Some(RSA_KEY_ID.into());
    let hs256 = jsonwebtoken::encode(
        &hs_header,
        &admin_claims,
        &EncodingKey::from_secret(modulus.as_bytes()).expect("a secret"),
    )
    .expect("an HS256 token");
    let cases = [
        ("payload swapped (bad signature)", format!("{}.{}.{}", parts[0], payload(admin_claims.clone()), parts[2])),
        ("signature stripped", format!("{}.{}.", parts[0], parts[1])),
        ("alg none", format!("{none_header}.{}.", payload(admin_claims.clone()))),
        ("HS256 signed with the public key", hs256),
        ("signature of another token", format!("{}.{}.{}", parts[0], parts[1], "c2lnbmF0dXJl")),
        ("not a JWT", "not-a-jwt".into()),
        ("two parts", format!("{}.{}", parts[0], parts[1])),
        ("header not JSON", format!("bm90anNvbg.{}.{}", parts[1], parts[2])),
    ];
    for (case, token) in cases {
        assert_unauthenticated(&sim.get(CLUSTERS, Some(&token)).await, case);
    }
    assert_eq!(sim.get(CLUSTERS, Some(&good)).await.status, 200, "the untouched token still works");
}

#[tokio::test]
async fn malformed_authorization_headers_are_401() {
    let (sim, _) = simulator(false).await;
    let good = sim.token_for("dev@example.com", &["conduktor-admins"]).await;
    let cases: Vec<(&str, Vec<Vec<u8>>)> = vec![
        ("no header", vec![]),
        ("empty", vec![b"".to_vec()]),
        ("scheme only", vec![b"Bearer".to_vec()]),
        ("scheme and space", vec![b"Bearer ".to_vec()]),
        ("no scheme", vec![good.as_bytes().to_vec()]),
        ("Basic", vec![b"Basic ZGV2OnNlY3JldA==".to_vec()]),
        ("two spaces", vec![format!("Bearer  {good}").into_bytes()]),
        ("trailing garbage", vec![format!("Bearer {good} extra").into_bytes()]),
        ("comma list", vec![format!("Bearer {good},Bearer {good}").into_bytes()]),
        ("two headers", vec![format!("Bearer {good}").into_bytes(), format!("Bearer {good}").into_bytes()]),
        ("non-ASCII", vec![b"Bearer \xc3\xa9t\xc3\xa9".to_vec()]),
        ("quoted", vec![format!("Bearer \"{good}\"").into_bytes()]),
    ];
    for (case, values) in cases {
        let headers: Vec<(&str, &[u8])> = values.iter().map(|v| ("authorization", v.as_slice())).collect();
        let answer = sim.send(axum::http::Method::GET, CLUSTERS, &headers, None).await;
        assert_unauthenticated(&answer, case);
    }
    // The same rules on a v1 search and an application.
    let search = json!({ "page": 1, "itemsPerPage": 10, "sort": "ByName" });
    assert_unauthenticated(&sim.post("/public/v1/clusters/prod-eu/topics", None, search).await, "v1 search");
    assert_unauthenticated(&sim.get("/public/self-serve/v1/application/payments", Some("x.y.z")).await, "app");
}
