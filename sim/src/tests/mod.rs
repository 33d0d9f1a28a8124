//! Tests over real HTTP on loopback: each starts simulators (and stand-in IdPs)
//! on port 0 and talks to them with a plain HTTP/1.1 client.

mod api;
mod auth_matrix;
mod controls;
mod issuer;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};

use crate::router::router;
use crate::state::{test_state, AppState};

/// Serves `app` on an ephemeral loopback port.
pub async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    address
}

/// A simulator with the demo dataset, trusting the shared test IdP.
pub async fn simulator(test_controls: bool) -> (Sim, Arc<AppState>) {
    let state = test_state(test_controls);
    (Sim(serve(router(state.clone())).await), state)
}

#[derive(Clone, Copy)]
pub struct Sim(pub SocketAddr);

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Sim {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.0)
    }

    pub async fn send(&self, method: Method, path: &str, headers: &[(&str, &[u8])], body: Option<Value>) -> Answer {
        let mut request = Request::builder().method(method).uri(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = match body {
            Some(body) => {
                request = request.header("content-type", "application/json");
                Full::new(Bytes::from(body.to_string()))
            }
            None => Full::new(Bytes::new()),
        };
        let client = Client::builder(TokioExecutor::new()).build_http();
        let response = client.request(request.body(body).expect("a request")).await.expect("an answer");
        let (parts, body) = response.into_parts();
        let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
        Answer { status: parts.status, headers: parts.headers, body }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Answer {
        let header = token.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &[u8])> = header.iter().map(|h| ("authorization", h.as_bytes())).collect();
        self.send(Method::GET, path, &headers, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Answer {
        let header = token.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &[u8])> = header.iter().map(|h| ("authorization", h.as_bytes())).collect();
        self.send(Method::POST, path, &headers, Some(body)).await
    }

    /// A token from the simulator's development IdP, over HTTP.
    pub async fn token(&self, request: Value) -> String {
        let answer = self.post("/idp/token", None, request).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        answer.json()["id_token"].as_str().expect("an id_token").to_string()
    }

    pub async fn token_for(&self, email: &str, groups: &[&str]) -> String {
        self.token(json!({ "email": email, "groups": groups })).await
    }
}

/// Console's 401, exactly.
pub fn assert_unauthenticated(answer: &Answer, case: &str) {
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{case}: {}", answer.text());
    assert_eq!(answer.json(), json!({ "title": "The user is not authenticated" }), "{case}");
}

pub fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|items| items.iter().filter_map(|i| i["metadata"]["name"].as_str().map(String::from)).collect())
        .unwrap_or_default()
}
