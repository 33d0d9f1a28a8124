//! HTTP surface: Console's public API (under both `/api/public/...` and
//! `/public/...`), the development IdP under `/idp`, and CORS for browser tests
//! served from another loopback origin.

use std::sync::Arc;

use axum::extract::{FromRequestParts, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderName, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use tower_http::cors::{Any, CorsLayer};

use crate::data::Seed;
use crate::idp::{Claims, DevIdp, TokenRequest};

pub struct AppState {
    pub idp: DevIdp,
    pub data: Seed,
}

type Shared = Arc<AppState>;

pub fn router(state: Shared) -> Router {
    let public = Router::new().route("/console/v2/kafka-cluster", get(list_clusters));
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([AUTHORIZATION, CONTENT_TYPE])
        .expose_headers([HeaderName::from_static("retry-after")]);
    Router::new()
        .nest("/public", public.clone())
        .nest("/api/public", public)
        .route("/idp/.well-known/openid-configuration", get(discovery))
        .route("/idp/jwks", get(jwks))
        .route("/idp/token", post(token))
        .fallback(not_found)
        .layer(cors)
        .with_state(state)
}

/// Console's error body and titles (`conduktor-api.md` §3).
pub struct ConsoleError(StatusCode, &'static str);

impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "title": self.1 }))).into_response()
    }
}

const UNAUTHENTICATED: ConsoleError =
    ConsoleError(StatusCode::UNAUTHORIZED, "The user is not authenticated");

/// The authenticated Console user, from a delegated JWT.
pub struct User(#[allow(dead_code)] pub Claims);

impl FromRequestParts<Shared> for User {
    type Rejection = ConsoleError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Shared,
    ) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or(UNAUTHENTICATED)?;
        let token = header.strip_prefix("Bearer ").ok_or(UNAUTHENTICATED)?;
        match state.idp.validate(token) {
            Ok(claims) => Ok(User(claims)),
            Err(reason) => {
                // The reason is logged, never the token.
                eprintln!("401 {} {}: {reason}", parts.method, parts.uri.path());
                Err(UNAUTHENTICATED)
            }
        }
    }
}

async fn list_clusters(_user: User, State(state): State<Shared>) -> Json<Vec<Value>> {
    Json(state.data.clusters.clone())
}

async fn discovery(State(state): State<Shared>) -> Json<Value> {
    Json(state.idp.discovery())
}

async fn jwks(State(state): State<Shared>) -> Json<Value> {
    Json(state.idp.jwks())
}

async fn token(State(state): State<Shared>, Json(request): Json<TokenRequest>) -> Response {
    match state.idp.mint(&request) {
        Ok((token, expires_in)) => Json(json!({
            "access_token": token, "id_token": token, "token_type": "Bearer", "expires_in": expires_in
        }))
        .into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({ "title": format!("could not sign: {e}") }))).into_response(),
    }
}

async fn not_found() -> ConsoleError {
    ConsoleError(StatusCode::NOT_FOUND, "No resource with this path exists")
}
