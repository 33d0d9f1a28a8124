//! `--issuer`: keys found through a stand-in IdP's OIDC discovery and JWKS over
//! HTTP, cached, refetched for a new `kid` (rotation) but not for every made-up
//! one; RS256 and ES256; configurable username and groups claims; users
//! provisioned on their first valid token.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use super::{assert_unauthenticated, names, Sim};
use crate::auth::{Keys, Verifier};
use crate::controls::Controls;
use crate::data::Seed;
use crate::idp::{DevIdp, TokenRequest};
use crate::jwks::RemoteKeys;
use crate::router::router;
use crate::state::{test_idp, AppState};
use crate::users::Users;

/// A stand-in OIDC provider: discovery and a JWKS the test can change.
struct StandIn {
    issuer: String,
    jwks: Mutex<Value>,
    jwks_hits: AtomicUsize,
}

async fn stand_in_idp() -> Arc<StandIn> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let issuer = format!("http://{}", listener.local_addr().expect("an address"));
    let idp = Arc::new(StandIn { issuer, jwks: Mutex::new(json!({ "keys": [] })), jwks_hits: AtomicUsize::new(0) });
    let app = Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(|State(idp): State<Arc<StandIn>>| async move {
                Json(json!({ "issuer": idp.issuer, "jwks_uri": format!("{}/jwks", idp.issuer) }))
            }),
        )
        .route(
            "/jwks",
            get(|State(idp): State<Arc<StandIn>>| async move {
                idp.jwks_hits.fetch_add(1, Ordering::SeqCst);
                Json(idp.jwks.lock().expect("jwks").clone())
            }),
        )
        .with_state(idp.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    idp
}

/// A simulator trusting `issuer`, with the given claim names.
async fn simulator_trusting(issuer: &str, username_claim: &str, groups_claim: &str) -> (Sim, Arc<AppState>) {
    let keys = Keys::Remote(Box::new(RemoteKeys::new(issuer.into(), Duration::from_secs(30))));
    let state = Arc::new(AppState {
        idp: test_idp(),
        verifier: Verifier::new(issuer.into(), keys, username_claim.into(), groups_claim.into()),
        data: Seed::default(),
        controls: Controls::new(true),
        conformance: None,
        groups: crate::rbac::demo_groups(),
        users: Users::default(),
        cors_origins: vec![],
        plan: crate::plan::Plan::default(),
        latency: crate::latency::Latency::default(),
    });
    (Sim(super::serve(router(state.clone())).await), state)
}

fn mint(idp: &DevIdp, request: Value) -> String {
    let request: TokenRequest = serde_json::from_value(request).expect("a token request");
    idp.mint(&request).expect("a token").0
}

const CLUSTERS: &str = "/api/public/console/v2/kafka-cluster";

fn jwks_fetches(state: &AppState) -> u64 {
    state.verifier.describe()["jwksFetches"].as_u64().unwrap_or(0)
}

#[tokio::test]
async fn discovers_caches_and_refetches_on_rotation_only() {
    let stand_in = stand_in_idp().await;
    let signer = test_idp().reissued(stand_in.issuer.clone());
    *stand_in.jwks.lock().unwrap() = signer.jwks();
    let (sim, state) = simulator_trusting(&stand_in.issuer, "email", "groups").await;

    let admin = json!({ "email": "ops@example.com", "groups": ["conduktor-admins"] });
    let rs256 = mint(&signer, admin.clone());
    assert_eq!(sim.get(CLUSTERS, Some(&rs256)).await.status, 200);
    let es256 = mint(&signer, json!({ "email": "ops@example.com", "alg": "ES256" }));
    assert_eq!(sim.get(CLUSTERS, Some(&es256)).await.status, 200, "ES256 from the same JWKS");
    assert_eq!(sim.get(CLUSTERS, Some(&rs256)).await.status, 200);
    assert_eq!(stand_in.jwks_hits.load(Ordering::SeqCst), 1, "keys are cached");

    // Rotation: a new key appears under a new kid; its first token makes the simulator refetch.
    let rotated = DevIdp::generate(stand_in.issuer.clone()).expect("a second key");
    let mut new_key = rotated.jwks()["keys"][0].clone();
    new_key["kid"] = json!("rotated-2");
    stand_in.jwks.lock().unwrap()["keys"].as_array_mut().unwrap().push(new_key);
    let after_rotation = mint(&rotated, json!({ "email": "ops@example.com", "kid": "rotated-2" }));
    assert_eq!(sim.get(CLUSTERS, Some(&after_rotation)).await.status, 200, "a new kid is fetched");
    assert_eq!(stand_in.jwks_hits.load(Ordering::SeqCst), 2);

    // A flood of made-up kids within the refetch interval costs the IdP nothing more.
    for i in 0..25 {
        let bogus = mint(&signer, json!({ "email": "x@example.com", "kid": format!("bogus-{i}") }));
        assert_unauthenticated(&sim.get(CLUSTERS, Some(&bogus)).await, "made-up kid");
    }
    assert_eq!(stand_in.jwks_hits.load(Ordering::SeqCst), 2, "refetches are rate-limited");
    assert_eq!(jwks_fetches(&state), 2);

    // The issuer is checked against --issuer, the signature against the JWKS.
    let dev_issuer_token = mint(&test_idp(), admin);
    assert_unauthenticated(&sim.get(CLUSTERS, Some(&dev_issuer_token)).await, "the dev issuer is not trusted");
    let wrong_key = mint(&signer, json!({ "email": "ops@example.com", "wrongKey": true }));
    assert_unauthenticated(&sim.get(CLUSTERS, Some(&wrong_key)).await, "key outside the JWKS");
}

#[tokio::test]
async fn refetches_again_after_the_interval() {
    let stand_in = stand_in_idp().await;
    let signer = test_idp().reissued(stand_in.issuer.clone());
    *stand_in.jwks.lock().unwrap() = signer.jwks();
    let keys = Keys::Remote(Box::new(RemoteKeys::new(stand_in.issuer.clone(), Duration::from_millis(200))));
    let verifier = Verifier::new(stand_in.issuer.clone(), keys, "email".into(), "groups".into());
    let token = |kid: &str| mint(&signer, json!({ "email": "a@example.com", "kid": kid }));
    assert!(verifier.verify(&token("nope-1")).await.is_err());
    assert!(verifier.verify(&token("nope-2")).await.is_err());
    assert_eq!(stand_in.jwks_hits.load(Ordering::SeqCst), 2, "the cold fetch, then one refetch");
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert!(verifier.verify(&token("nope-3")).await.is_err());
    assert_eq!(stand_in.jwks_hits.load(Ordering::SeqCst), 3, "one more after the interval");
}

#[tokio::test]
async fn an_unreachable_issuer_is_401_until_it_answers() {
    let stand_in = stand_in_idp().await;
    let signer = test_idp().reissued(stand_in.issuer.clone());
    // A discovery URL that answers 404 (the IdP is mounted elsewhere).
    let (sim, _) = simulator_trusting(&format!("{}/missing", stand_in.issuer), "email", "groups").await;
    let token = mint(&signer, json!({ "email": "a@example.com" }));
    assert_unauthenticated(&sim.get(CLUSTERS, Some(&token)).await, "discovery 404");
    // Nothing listens on port 9 of loopback.
    let (sim, _) = simulator_trusting("http://127.0.0.1:9", "email", "groups").await;
    assert_unauthenticated(&sim.get(CLUSTERS, Some(&token)).await, "connection refused");
}

#[tokio::test]
async fn claim_names_are_configurable_and_users_are_provisioned() {
    let stand_in = stand_in_idp().await;
    let signer = test_idp().reissued(stand_in.issuer.clone());
    *stand_in.jwks.lock().unwrap() = signer.jwks();
    let (sim, _) = simulator_trusting(&stand_in.issuer, "preferred_username", "roles").await;

    let payments = mint(
        &signer,
        json!({ "email": "ignored@example.com", "groups": ["conduktor-admins"],
                "claims": { "preferred_username": "pat@example.com", "roles": ["payments-developers"] } }),
    );
    let answer = sim.get(CLUSTERS, Some(&payments)).await;
    assert_eq!(names(&answer.json()), vec!["prod-eu", "staging"], "groups come from `roles`, not `groups`");
    let single_role =
        mint(&signer, json!({ "claims": { "preferred_username": "ann@example.com", "roles": "conduktor-admins" } }));
    assert_eq!(names(&sim.get(CLUSTERS, Some(&single_role)).await.json()).len(), 3, "a string is one group");
    let email_only = mint(&signer, json!({ "email": "pat@example.com", "groups": ["conduktor-admins"] }));
    assert_unauthenticated(&sim.get(CLUSTERS, Some(&email_only)).await, "no preferred_username");

    let users = sim.get("/sim/users", None).await.json();
    let users = users.as_array().expect("a list");
    let usernames: Vec<&str> = users.iter().filter_map(|u| u["username"].as_str()).collect();
    assert_eq!(usernames, vec!["ann@example.com", "pat@example.com"], "provisioned on first valid token only");
    let pat = &users[1];
    assert_eq!(pat["consoleGroups"], json!(["team-payments"]));
    assert_eq!(pat["requests"], 1);
    assert!(pat["firstSeenAt"].as_str().is_some_and(|t| t.ends_with('Z') && t.len() == 24));
    sim.get(CLUSTERS, Some(&payments)).await;
    let again = sim.get("/sim/users", None).await.json();
    assert_eq!((again[1]["requests"].as_u64(), &again[1]["firstSeenAt"]), (Some(2), &pat["firstSeenAt"]));
    let settings = sim.get("/sim/auth", None).await.json();
    assert_eq!(
        (settings["usernameClaim"].as_str(), settings["groupsClaim"].as_str()),
        (Some("preferred_username"), Some("roles"))
    );
}
