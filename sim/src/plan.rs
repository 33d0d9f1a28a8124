//! `--plan`: which Console licence the simulator plays.
//!
//! From Console 1.43 the self-service kinds (Application, ApplicationInstance,
//! ApplicationGroup) are Enterprise-only on the free plan (the Terraform provider's
//! notes, `shared/real-api/README.md`). How Console refuses a read of them is not
//! documented: this is a guess, a 403 in Console's error shape whose title names the
//! Enterprise licence, after the token was accepted.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use clap::ValueEnum;

use crate::error::ConsoleError;
use crate::session::User;
use crate::state::Shared;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Plan {
    /// Everything the card reads is served.
    #[default]
    Enterprise,
    /// Self-service reads are refused for licensing.
    Free,
}

/// Route layer of the self-service routes; `User` first, so a missing token is a 401.
pub async fn self_service(_user: User, State(state): State<Shared>, request: Request, next: Next) -> Response {
    match state.plan {
        Plan::Enterprise => next.run(request).await,
        Plan::Free => ConsoleError {
            status: StatusCode::FORBIDDEN,
            title: "Self-service requires a Conduktor Enterprise license".into(),
            msg: Some(
                "This Console runs on the Free plan: Applications, ApplicationInstances and ApplicationGroups need the Enterprise plan"
                    .into(),
            ),
        }
        .into_response(),
    }
}
