//! The simulator's routes and middleware, assembled: Console's public API (under
//! both `/api/public/...` and `/public/...`), the development IdP under `/idp`,
//! the test controls under `/sim`, and CORS for browser tests served from another
//! loopback origin.
//!
//! Middleware, outermost first: CORS; the session (`session.rs`), which leaves
//! the caller record every later layer reads; the access log; the test controls
//! (faults, request log, in-flight counters); the contract checks of `--openapi`,
//! innermost so that they see the request as sent and the real answer before a
//! fault replaces it.

use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderName, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::api;
use crate::conformance;
use crate::controls;
use crate::error::{self, ConsoleError};
use crate::idp::TokenRequest;
use crate::session;
use crate::state::Shared;

/// The OpenAPI document of what the simulator serves (Console serves its own at
/// the same paths).
const OPENAPI_YAML: &str = include_str!("openapi.yaml");

pub fn router(state: Shared) -> Router {
    let public = Router::new()
        .route("/console/v2/kafka-cluster", get(api::list_clusters))
        .route("/console/v2/kafka-cluster/{name}", get(api::get_cluster))
        .route("/kafka/v2/cluster/{cluster}/topic", get(api::list_topics))
        .route("/kafka/v2/cluster/{cluster}/topic/{name}", get(api::get_topic))
        .route("/v1/clusters/{cluster}/topics", post(api::search_topics_route))
        .route("/v1/clusters/{cluster}/consumergroups", post(api::search_groups_route))
        .route("/kafka/v2/cluster/{cluster}/subject", get(api::list_subjects))
        .route("/kafka/v2/cluster/{cluster}/subject/{name}", get(api::get_subject))
        .route("/docs/docs.yaml", get(docs));
    let self_service = Router::new()
        .route("/self-serve/v1/application", get(api::list_applications))
        .route("/self-serve/v1/application/{name}", get(api::get_application))
        .route("/self-serve/v1/application-group", get(api::list_application_groups))
        .route("/self-serve/v1/application-group/{name}", get(api::get_application_group))
        .route("/self-serve/v1/application-instance", get(api::list_instances))
        .route("/self-serve/v1/application-instance/{name}", get(api::get_instance))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), crate::plan::self_service));
    let public = public
        .merge(self_service)
        .route_layer(axum::middleware::from_fn_with_state(state.latency, crate::latency::middleware));
    let origins =
        if state.cors_origins.is_empty() { AllowOrigin::any() } else { AllowOrigin::list(state.cors_origins.clone()) };
    let cors = CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([AUTHORIZATION, CONTENT_TYPE])
        .expose_headers([HeaderName::from_static("retry-after")]);
    let mut router = Router::new();
    if state.controls.enabled {
        router = router
            .route("/sim/faults", post(controls::add_fault).delete(controls::clear_faults))
            .route("/sim/requests", get(controls::list_requests).delete(controls::clear_requests))
            .route("/sim/users", get(list_users).delete(clear_users))
            .route("/sim/auth", get(auth_settings))
            .route("/sim/inflight", get(controls::in_flight).delete(controls::reset_in_flight))
            .route("/sim/conformance", get(conformance_report).delete(clear_conformance));
    }
    router = router
        .nest("/public", public.clone())
        .nest("/api/public", public)
        .route("/health", get(|| async { Json(json!({ "status": "UP" })) }))
        .route("/idp/.well-known/openid-configuration", get(discovery))
        .route("/idp/jwks", get(jwks))
        .route("/idp/token", post(token))
        .fallback(not_found);
    if let Some(checks) = &state.conformance {
        router = router.layer(axum::middleware::from_fn_with_state(checks.clone(), conformance::middleware));
    }
    router
        .layer(axum::middleware::from_fn_with_state(state.controls.clone(), controls::middleware))
        .layer(axum::middleware::from_fn(crate::logging::access_log))
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::authenticate))
        .layer(cors)
        .with_state(state)
}

/// Served without authentication (a guess: Console's CLI reads it at start-up).
async fn docs() -> Response {
    ([(CONTENT_TYPE, "application/yaml")], OPENAPI_YAML).into_response()
}

async fn discovery(State(state): State<Shared>) -> Json<Value> {
    Json(state.idp.discovery())
}

async fn jwks(State(state): State<Shared>) -> Json<Value> {
    Json(state.idp.jwks())
}

async fn token(
    State(state): State<Shared>,
    request: Result<Json<TokenRequest>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let invalid = |msg: String| error::BAD_REQUEST.with_msg(msg).into_response();
    let request = match request {
        Ok(Json(request)) => request,
        Err(rejection) => return invalid(rejection.body_text()),
    };
    // Signing is CPU work (and a `wrongKey` may generate an RSA key): off the reactor.
    match tokio::task::spawn_blocking(move || state.idp.mint(&request)).await {
        Ok(Ok((token, expires_in))) => Json(json!({
            "access_token": token, "id_token": token, "token_type": "Bearer", "expires_in": expires_in
        }))
        .into_response(),
        Ok(Err(error)) => invalid(error.to_string()),
        Err(_) => error::SERVER_ERROR.into_response(),
    }
}

async fn not_found() -> ConsoleError {
    error::NO_SUCH_PATH
}

/// `GET /sim/users`: the users provisioned from valid tokens.
async fn list_users(State(state): State<Shared>) -> Json<Value> {
    Json(json!(state.users.list()))
}

async fn clear_users(State(state): State<Shared>) -> StatusCode {
    state.users.clear();
    StatusCode::NO_CONTENT
}

/// `GET /sim/auth`: the trusted issuer, the claim names and the key fetches.
async fn auth_settings(State(state): State<Shared>) -> Json<Value> {
    Json(state.verifier.describe())
}

/// Without `--openapi` there is nothing to report: a 404 that says so, so that a
/// test asserting "no violation" cannot pass against a simulator that checks nothing.
const CHECKS_OFF: ConsoleError =
    ConsoleError::new(StatusCode::NOT_FOUND, "The contract checks are off: start conduktor-sim with --openapi FILE");

async fn conformance_report(State(state): State<Shared>) -> Response {
    match &state.conformance {
        Some(checks) => Json(checks.report()).into_response(),
        None => CHECKS_OFF.into_response(),
    }
}

async fn clear_conformance(State(state): State<Shared>) -> Response {
    match &state.conformance {
        Some(checks) => {
            checks.clear();
            StatusCode::NO_CONTENT.into_response()
        }
        None => CHECKS_OFF.into_response(),
    }
}
