//! Who is calling: a middleware checks the bearer token of every request to the
//! public API once (provisioning the user on their first valid token), and the
//! `User` extractor turns the outcome into Console's 401 or the user's access.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

use crate::api::{AppState, ConsoleError};
use crate::auth::{bearer_token, Identity, Rejection};
use crate::controls::fingerprint;
use crate::rbac::Access;

/// The outcome of the token check, kept in the request's extensions.
#[derive(Clone)]
pub struct Authentication(pub Result<Identity, Arc<Rejection>>);

pub const UNAUTHENTICATED: ConsoleError = ConsoleError(StatusCode::UNAUTHORIZED, "The user is not authenticated");

fn is_public_api(path: &str) -> bool {
    path.starts_with("/public/") || path.starts_with("/api/public/")
}

pub async fn authenticate(State(state): State<Arc<AppState>>, mut request: Request, next: Next) -> Response {
    if !is_public_api(request.uri().path()) {
        return next.run(request).await;
    }
    let outcome = match bearer_token(request.headers()) {
        Ok(token) => state.verifier.verify(token).await.map_err(|reason| (reason, Some(fingerprint(token)))),
        Err(reason) => Err((reason, None)),
    };
    let outcome = match outcome {
        Ok(identity) => {
            let console_groups = Access::for_claims(&state.groups, &identity.groups).groups;
            if state.users.seen(&identity.username, &identity.groups, console_groups) {
                tracing::info!(user = %identity.username, "provisioned a user on their first valid token");
            }
            Ok(identity)
        }
        Err((reason, token)) => {
            if reason != Rejection::NoToken {
                // The reason and a fingerprint, never the token.
                tracing::info!(%reason, token_fingerprint = token.as_deref().unwrap_or("-"), path = %request.uri().path(), "token refused");
            }
            Err(Arc::new(reason))
        }
    };
    request.extensions_mut().insert(Authentication(outcome));
    next.run(request).await
}

/// The authenticated Console user: who they are and what their groups let them see.
pub struct User {
    #[allow(dead_code)]
    pub identity: Identity,
    pub access: Access,
}

impl FromRequestParts<Arc<AppState>> for User {
    type Rejection = ConsoleError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Authentication>() {
            Some(Authentication(Ok(identity))) => {
                Ok(User { access: Access::for_claims(&state.groups, &identity.groups), identity: identity.clone() })
            }
            _ => Err(UNAUTHENTICATED),
        }
    }
}

/// The username of the request's valid token, if any (for logs).
pub fn username(request_extensions: &axum::http::Extensions) -> Option<String> {
    match request_extensions.get::<Authentication>() {
        Some(Authentication(Ok(identity))) => Some(identity.username.clone()),
        _ => None,
    }
}
