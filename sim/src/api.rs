//! HTTP surface: Console's public API (under both `/api/public/...` and
//! `/public/...`), the development IdP under `/idp`, and CORS for browser tests
//! served from another loopback origin.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::auth::Verifier;
use crate::controls::{self, Controls};
use crate::data::Seed;
use crate::idp::{DevIdp, TokenRequest};
use crate::rbac::{ConsoleGroup, Resource};
use crate::search::{search_consumer_groups, search_topics, SearchRequest};
use crate::session::{self, User};
use crate::users::Users;

pub struct AppState {
    pub idp: Arc<DevIdp>,
    pub verifier: Verifier,
    pub data: Seed,
    pub controls: Controls,
    pub groups: Vec<ConsoleGroup>,
    pub users: Users,
    /// Origins allowed by CORS; empty: any origin.
    pub cors_origins: Vec<HeaderValue>,
}

type Shared = Arc<AppState>;

/// The OpenAPI document of what the simulator serves (Console serves its own at
/// the same paths).
const OPENAPI_YAML: &str = include_str!("openapi.yaml");

pub fn router(state: Shared) -> Router {
    let public = Router::new()
        .route("/console/v2/kafka-cluster", get(list_clusters))
        .route("/console/v2/kafka-cluster/{name}", get(get_cluster))
        .route("/kafka/v2/cluster/{cluster}/topic", get(list_topics))
        .route("/kafka/v2/cluster/{cluster}/topic/{name}", get(get_topic))
        .route("/v1/clusters/{cluster}/topics", post(search_topics_route))
        .route("/v1/clusters/{cluster}/consumergroups", post(search_groups_route))
        .route("/self-serve/v1/application", get(list_applications))
        .route("/self-serve/v1/application/{name}", get(get_application))
        .route("/kafka/v2/cluster/{cluster}/subject", get(list_subjects))
        .route("/kafka/v2/cluster/{cluster}/subject/{name}", get(get_subject))
        .route("/self-serve/v1/application-group", get(list_application_groups))
        .route("/self-serve/v1/application-instance", get(list_instances))
        .route("/self-serve/v1/application-instance/{name}", get(get_instance))
        .route("/docs/docs.yaml", get(docs));
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
            .route("/sim/users", get(controls::list_users).delete(controls::clear_users))
            .route("/sim/auth", get(controls::auth_settings))
            .route("/sim/inflight", get(controls::in_flight).delete(controls::reset_in_flight));
    }
    router
        .nest("/public", public.clone())
        .nest("/api/public", public)
        .route("/health", get(|| async { Json(json!({ "status": "UP" })) }))
        .route("/idp/.well-known/openid-configuration", get(discovery))
        .route("/idp/jwks", get(jwks))
        .route("/idp/token", post(token))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), controls::middleware))
        .layer(axum::middleware::from_fn(crate::logging::access_log))
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::authenticate))
        .layer(cors)
        .with_state(state)
}

/// Console's error body and titles (`conduktor-api.md` §3).
pub struct ConsoleError(pub StatusCode, pub &'static str);

impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "title": self.1 }))).into_response()
    }
}

const FORBIDDEN: ConsoleError =
    ConsoleError(StatusCode::FORBIDDEN, "The user doesn't have sufficient privilege to do this operation");

async fn list_clusters(user: User, State(state): State<Shared>) -> Json<Vec<Value>> {
    let visible = state
        .data
        .clusters
        .iter()
        .filter(|c| c["metadata"]["name"].as_str().is_some_and(|n| user.access.sees_cluster(n)));
    Json(visible.cloned().collect())
}

/// `No <kind-slug> with this name exists`, Console's 404 on name lookups.
fn no_such(slug: &'static str) -> ConsoleError {
    let title = match slug {
        "kafka-cluster" => "No kafka-cluster with this name exists",
        "topic" => "No topic with this name exists",
        "application" => "No application with this name exists",
        "subject" => "No subject with this name exists",
        _ => "No application-instance with this name exists",
    };
    ConsoleError(StatusCode::NOT_FOUND, title)
}

fn find_named<'a>(items: impl IntoIterator<Item = &'a Value>, name: &str) -> Option<Value> {
    items.into_iter().find(|item| item["metadata"]["name"] == name).cloned()
}

async fn get_cluster(
    user: User,
    State(state): State<Shared>,
    Path(name): Path<String>,
) -> Result<Json<Value>, ConsoleError> {
    visible_cluster(&state, &user, &name, no_such("kafka-cluster"), FORBIDDEN)?;
    find_named(&state.data.clusters, &name).map(Json).ok_or(no_such("kafka-cluster"))
}

/// 404 for an unknown cluster, 403 for one the user may not see.
fn visible_cluster(
    state: &AppState,
    user: &User,
    cluster: &str,
    unknown: ConsoleError,
    forbidden: ConsoleError,
) -> Result<(), ConsoleError> {
    if !state.data.cluster_exists(cluster) {
        Err(unknown)
    } else if !user.access.sees_cluster(cluster) {
        Err(forbidden)
    } else {
        Ok(())
    }
}

fn topic_name(topic: &crate::data::Topic) -> &str {
    topic.resource["metadata"]["name"].as_str().unwrap_or("")
}

async fn list_topics(
    user: User,
    State(state): State<Shared>,
    Path(cluster): Path<String>,
) -> Result<Json<Vec<Value>>, ConsoleError> {
    visible_cluster(&state, &user, &cluster, no_such("kafka-cluster"), FORBIDDEN)?;
    let visible = state.data.topics_of(&cluster).filter(|t| user.access.sees(Resource::Topic, &cluster, topic_name(t)));
    Ok(Json(visible.map(|t| t.resource.clone()).collect()))
}

async fn get_topic(
    user: User,
    State(state): State<Shared>,
    Path((cluster, name)): Path<(String, String)>,
) -> Result<Json<Value>, ConsoleError> {
    visible_cluster(&state, &user, &cluster, no_such("kafka-cluster"), FORBIDDEN)?;
    let topic = find_named(state.data.topics_of(&cluster).map(|t| &t.resource), &name).ok_or(no_such("topic"))?;
    if !user.access.sees(Resource::Topic, &cluster, &name) {
        return Err(FORBIDDEN);
    }
    Ok(Json(topic))
}

/// v1 searches name the cluster by its technical id, and their 404 and 403 say so.
const NO_V1_CLUSTER: ConsoleError = ConsoleError(StatusCode::NOT_FOUND, "No cluster with this technical id exist");

/// What both v1 searches check first: the cluster (404 / 403 naming the
/// permission), then the body (400).
fn valid_search(
    state: &AppState,
    user: &User,
    cluster: &str,
    forbidden: ConsoleError,
    request: Result<Json<SearchRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<SearchRequest, ConsoleError> {
    visible_cluster(state, user, cluster, NO_V1_CLUSTER, forbidden)?;
    match request {
        Ok(Json(request)) if request.is_valid() => Ok(request),
        _ => Err(ConsoleError(StatusCode::BAD_REQUEST, "The request is not valid")),
    }
}

async fn search_topics_route(
    user: User,
    State(state): State<Shared>,
    Path(cluster): Path<String>,
    request: Result<Json<SearchRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ConsoleError> {
    let forbidden = ConsoleError(
        StatusCode::FORBIDDEN,
        "The user doesn't have the required permission(s) \"kafka.topics.read\" to do this operation",
    );
    let request = valid_search(&state, &user, &cluster, forbidden, request)?;
    let visible = state.data.topics_of(&cluster).filter(|t| user.access.sees(Resource::Topic, &cluster, topic_name(t)));
    Ok(Json(search_topics(&request, visible)))
}

async fn search_groups_route(
    user: User,
    State(state): State<Shared>,
    Path(cluster): Path<String>,
    request: Result<Json<SearchRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, ConsoleError> {
    let forbidden = ConsoleError(
        StatusCode::FORBIDDEN,
        "The user doesn't have the required permission(s) \"kafka.groups.describe\" to do this operation",
    );
    let request = valid_search(&state, &user, &cluster, forbidden, request)?;
    let visible = state
        .data
        .consumer_groups
        .iter()
        .filter(|g| g.cluster == cluster && user.access.sees(Resource::ConsumerGroup, &cluster, &g.name));
    Ok(Json(search_consumer_groups(&request, visible)))
}

async fn list_subjects(
    user: User,
    State(state): State<Shared>,
    Path(cluster): Path<String>,
) -> Result<Json<Vec<Value>>, ConsoleError> {
    visible_cluster(&state, &user, &cluster, no_such("kafka-cluster"), FORBIDDEN)?;
    let visible = state.data.subjects.iter().filter(|s| {
        s["metadata"]["cluster"] == cluster.as_str()
            && s["metadata"]["name"].as_str().is_some_and(|n| user.access.sees(Resource::Subject, &cluster, n))
    });
    Ok(Json(visible.cloned().collect()))
}

async fn get_subject(
    user: User,
    State(state): State<Shared>,
    Path((cluster, name)): Path<(String, String)>,
) -> Result<Json<Value>, ConsoleError> {
    visible_cluster(&state, &user, &cluster, no_such("kafka-cluster"), FORBIDDEN)?;
    let subjects = state.data.subjects.iter().filter(|s| s["metadata"]["cluster"] == cluster.as_str());
    let subject = find_named(subjects, &name).ok_or(no_such("subject"))?;
    if !user.access.sees(Resource::Subject, &cluster, &name) {
        return Err(FORBIDDEN);
    }
    Ok(Json(subject))
}

/// Served without authentication (a guess: Console's CLI reads it at start-up).
async fn docs() -> Response {
    ([(CONTENT_TYPE, "application/yaml")], OPENAPI_YAML).into_response()
}

async fn list_application_groups(
    _user: User,
    State(state): State<Shared>,
    Query(query): Query<InstanceQuery>,
) -> Json<Vec<Value>> {
    of_application(&state.data.application_groups, &query)
}

/// `?application=`: the resources whose `metadata.application` is that application.
fn of_application(items: &[Value], query: &InstanceQuery) -> Json<Vec<Value>> {
    let matching = items
        .iter()
        .filter(|item| query.application.as_deref().is_none_or(|app| item["metadata"]["application"] == app));
    Json(matching.cloned().collect())
}

async fn list_applications(_user: User, State(state): State<Shared>) -> Json<Vec<Value>> {
    Json(state.data.applications.clone())
}

async fn get_application(
    _user: User,
    State(state): State<Shared>,
    Path(name): Path<String>,
) -> Result<Json<Value>, ConsoleError> {
    find_named(&state.data.applications, &name).map(Json).ok_or(no_such("application"))
}

#[derive(Deserialize)]
struct InstanceQuery {
    application: Option<String>,
}

async fn list_instances(
    _user: User,
    State(state): State<Shared>,
    Query(query): Query<InstanceQuery>,
) -> Json<Vec<Value>> {
    of_application(&state.data.instances, &query)
}

async fn get_instance(
    _user: User,
    State(state): State<Shared>,
    Path(name): Path<String>,
) -> Result<Json<Value>, ConsoleError> {
    find_named(&state.data.instances, &name).map(Json).ok_or(no_such("application-instance"))
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
    let invalid = |msg: String| {
        (StatusCode::BAD_REQUEST, Json(json!({ "title": "The request is not valid", "msg": msg }))).into_response()
    };
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
        Err(_) => ConsoleError(StatusCode::INTERNAL_SERVER_ERROR, "An unexpected error occurred in the server")
            .into_response(),
    }
}

async fn not_found() -> ConsoleError {
    ConsoleError(StatusCode::NOT_FOUND, "No resource with this path exists")
}

/// One development IdP for all tests (RSA key generation is slow in debug builds).
#[cfg(test)]
pub fn test_idp() -> Arc<DevIdp> {
    static IDP: std::sync::OnceLock<Arc<DevIdp>> = std::sync::OnceLock::new();
    IDP.get_or_init(|| Arc::new(DevIdp::generate("http://127.0.0.1:1/idp".into()).expect("a key"))).clone()
}

/// The demo dataset behind the test IdP's issuer, with default claims.
#[cfg(test)]
pub fn test_state(test_controls: bool) -> Shared {
    Arc::new(test_app_state(test_controls))
}

#[cfg(test)]
pub fn test_app_state(test_controls: bool) -> AppState {
    let idp = test_idp();
    let keys = crate::jwks::parse_jwks(&idp.jwks()).expect("the dev JWKS");
    let verifier = Verifier::new(idp.issuer().into(), crate::auth::Keys::Local(keys), "email".into(), "groups".into());
    AppState {
        idp,
        verifier,
        data: Seed::default(),
        controls: Controls::new(test_controls),
        groups: crate::rbac::demo_groups(),
        users: Users::default(),
        cors_origins: vec![],
    }
}

#[cfg(test)]
mod tests {
    use axum::body::{to_bytes, Body};
    use axum::http::Request;
    use tower::ServiceExt;

    use super::*;

    fn app() -> (Router, Shared) {
        let state = test_state(false);
        (router(state.clone()), state)
    }

    fn token(state: &AppState, groups: &[&str]) -> String {
        let request: TokenRequest =
            serde_json::from_value(json!({ "email": "u@example.com", "groups": groups })).unwrap();
        state.idp.mint(&request).unwrap().0
    }

    async fn get_json(app: &Router, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        let mut request = Request::get(path);
        if let Some(token) = token {
            request = request.header(AUTHORIZATION, format!("Bearer {token}"));
        }
        let response = app.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
        let status = response.status();
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }

    fn names(list: &Value) -> Vec<&str> {
        list.as_array().unwrap().iter().map(|item| item["metadata"]["name"].as_str().unwrap()).collect()
    }

    #[tokio::test]
    async fn subjects_and_application_groups_follow_rbac_and_filters() {
        let (app, state) = app();
        let payments = token(&state, &["payments-developers"]);
        let (status, subjects) = get_json(&app, "/api/public/kafka/v2/cluster/prod-eu/subject", Some(&payments)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(names(&subjects), vec!["payments.orders-value", "payments.refunds-value"]);
        let (status, _) = get_json(&app, "/public/kafka/v2/cluster/dev/subject", Some(&payments)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (_, groups) =
            get_json(&app, "/public/self-serve/v1/application-group?application=payments", Some(&payments)).await;
        assert_eq!(names(&groups), vec!["payments-developers"]);
        let (_, none) =
            get_json(&app, "/public/self-serve/v1/application-group?application=clickstream", Some(&payments)).await;
        assert!(names(&none).is_empty());
    }

    #[tokio::test]
    async fn answers_consoles_401_and_404_bodies() {
        let (app, state) = app();
        let (status, body) = get_json(&app, "/api/public/console/v2/kafka-cluster", None).await;
        assert_eq!((status, body["title"].as_str()), (StatusCode::UNAUTHORIZED, Some("The user is not authenticated")));
        let admin = token(&state, &["conduktor-admins"]);
        let (status, body) = get_json(&app, "/api/public/kafka/v2/cluster/nope/topic", Some(&admin)).await;
        assert_eq!(
            (status, body["title"].as_str()),
            (StatusCode::NOT_FOUND, Some("No kafka-cluster with this name exists"))
        );
        let (status, body) =
            get_json(&app, "/api/public/kafka/v2/cluster/prod-eu/topic/payments.orders", Some(&admin)).await;
        assert_eq!((status, body["spec"]["partitions"].as_i64()), (StatusCode::OK, Some(12)));
    }
}
