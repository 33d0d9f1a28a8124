//! Console's error answers: a status and the `{title, msg?}` body of the spec's
//! `BadRequest` / `Unauthorized` / `Forbidden` / `NotFound` / `ServerError`
//! schemas, with the titles Console's OpenAPI document gives them.

use std::borrow::Cow;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

#[derive(Debug)]
pub struct ConsoleError {
    pub status: StatusCode,
    pub title: Cow<'static, str>,
    /// Console's optional `msg`: what exactly was wrong.
    pub msg: Option<String>,
}

impl ConsoleError {
    pub const fn new(status: StatusCode, title: &'static str) -> ConsoleError {
        ConsoleError { status, title: Cow::Borrowed(title), msg: None }
    }

    pub fn with_msg(mut self, msg: impl Into<String>) -> ConsoleError {
        self.msg = Some(msg.into());
        self
    }
}

impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        let body = match self.msg {
            Some(msg) => json!({ "title": self.title, "msg": msg }),
            None => json!({ "title": self.title }),
        };
        (self.status, Json(body)).into_response()
    }
}

pub const BAD_REQUEST: ConsoleError = ConsoleError::new(StatusCode::BAD_REQUEST, "The request is not valid");
pub const UNAUTHENTICATED: ConsoleError = ConsoleError::new(StatusCode::UNAUTHORIZED, "The user is not authenticated");
pub const FORBIDDEN: ConsoleError =
    ConsoleError::new(StatusCode::FORBIDDEN, "The user doesn't have sufficient privilege to do this operation");
pub const NO_SUCH_PATH: ConsoleError = ConsoleError::new(StatusCode::NOT_FOUND, "No resource with this path exists");
pub const SERVER_ERROR: ConsoleError =
    ConsoleError::new(StatusCode::INTERNAL_SERVER_ERROR, "An unexpected error occurred in the server");
/// The v1 searches name the cluster by its technical id (the spec's text, "exist" included).
pub const NO_V1_CLUSTER: ConsoleError =
    ConsoleError::new(StatusCode::NOT_FOUND, "No cluster with this technical id exist");

/// The v1 searches' 403 names the permission they need.
pub fn missing_permission(permission: &str) -> ConsoleError {
    ConsoleError {
        status: StatusCode::FORBIDDEN,
        title: format!("The user doesn't have the required permission(s) \"{permission}\" to do this operation").into(),
        msg: None,
    }
}

/// Which kind of operation answers a 404: Console's OpenAPI document words them
/// differently.
#[derive(Clone, Copy)]
pub enum Lookup {
    /// `GET …/{name}`: "No <kind> with this technical id exists".
    ByName,
    /// A list (a missing parent, such as the cluster of a topic list): "No <kind>
    /// with this name exists".
    List,
}

/// Console's 404 for a missing `kind` (its URL slug: `kafka-cluster`, `topic`, …).
pub fn not_found(kind: &str, lookup: Lookup) -> ConsoleError {
    let key = match lookup {
        Lookup::ByName => "technical id",
        Lookup::List => "name",
    };
    ConsoleError { status: StatusCode::NOT_FOUND, title: format!("No {kind} with this {key} exists").into(), msg: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_follow_consoles_openapi_document() {
        assert_eq!(not_found("topic", Lookup::ByName).title, "No topic with this technical id exists");
        assert_eq!(not_found("kafka-cluster", Lookup::List).title, "No kafka-cluster with this name exists");
        assert_eq!(
            missing_permission("kafka.topics.read").title,
            "The user doesn't have the required permission(s) \"kafka.topics.read\" to do this operation"
        );
    }
}
