//! Who is calling: a middleware leaves a `Caller` record on every request (for a
//! public API route, after checking its bearer token once and provisioning the
//! user on their first valid token), and the `User` extractor turns that record
//! into Console's 401 or the user's access.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::{bearer_token, Identity, Rejection};
use crate::caller::{fingerprint, Authentication, Caller};
use crate::error::{ConsoleError, UNAUTHENTICATED};
use crate::rbac::Access;
use crate::state::AppState;

pub fn is_public_api(path: &str) -> bool {
    path.starts_with("/public/") || path.starts_with("/api/public/")
}

pub async fn authenticate(State(state): State<Arc<AppState>>, mut request: Request, next: Next) -> Response {
    let caller = if is_public_api(request.uri().path()) {
        check_token(&state, request.headers(), request.uri().path()).await
    } else {
        Caller::unchecked(request.headers())
    };
    request.extensions_mut().insert(caller);
    next.run(request).await
}

async fn check_token(state: &AppState, headers: &HeaderMap, path: &str) -> Caller {
    let token = bearer_token(headers);
    let token_fingerprint = token.as_ref().ok().map(|token| fingerprint(token));
    let outcome = match token {
        Ok(token) => state.verifier.verify(token).await,
        Err(reason) => Err(reason),
    };
    let authentication = match outcome {
        Ok(identity) => {
            provision(state, &identity);
            Authentication::Valid(identity)
        }
        Err(reason) => {
            if reason != Rejection::NoToken {
                // The reason and a fingerprint, never the token.
                let shown = token_fingerprint.as_deref().unwrap_or("-");
                tracing::info!(%reason, token_fingerprint = shown, path, "token refused");
            }
            Authentication::Refused
        }
    };
    Caller { token_fingerprint, authentication }
}

fn provision(state: &AppState, identity: &Identity) {
    let console_groups = Access::for_claims(&state.groups, &identity.groups).groups;
    if state.users.seen(&identity.username, &identity.groups, console_groups) {
        tracing::info!(user = %identity.username, "provisioned a user on their first valid token");
    }
}

/// The authenticated Console user: what their groups let them see.
pub struct User {
    pub access: Access,
}

impl FromRequestParts<Arc<AppState>> for User {
    type Rejection = ConsoleError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, Self::Rejection> {
        match Caller::of(&parts.extensions).and_then(Caller::identity) {
            Some(identity) => Ok(User { access: Access::for_claims(&state.groups, &identity.groups) }),
            None => Err(UNAUTHENTICATED),
        }
    }
}
