//! What every handler shares: the dataset, the token verifier, the development
//! IdP, the users seen so far, the test controls and the contract checks.

use std::sync::Arc;

use axum::extract::FromRef;
use axum::http::HeaderValue;

use crate::auth::Verifier;
use crate::conformance::Conformance;
use crate::controls::Controls;
use crate::data::Seed;
use crate::idp::DevIdp;
use crate::rbac::ConsoleGroup;
use crate::users::Users;

pub struct AppState {
    pub idp: Arc<DevIdp>,
    pub verifier: Verifier,
    pub data: Seed,
    pub controls: Controls,
    /// `--openapi`: requests and answers checked against Console's document.
    pub conformance: Option<Arc<Conformance>>,
    pub groups: Vec<ConsoleGroup>,
    pub users: Users,
    /// Origins allowed by CORS; empty: any origin.
    pub cors_origins: Vec<HeaderValue>,
    /// `--plan`: the Console licence played (the free plan refuses self-service reads).
    pub plan: crate::plan::Plan,
    /// `--latency`: the delay before each API answer.
    pub latency: crate::latency::Latency,
}

pub type Shared = Arc<AppState>;

/// The test controls' handlers see the controls only.
impl FromRef<Shared> for Controls {
    fn from_ref(state: &Shared) -> Controls {
        state.controls.clone()
    }
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
        conformance: None,
        groups: crate::rbac::demo_groups(),
        users: Users::default(),
        cors_origins: vec![],
        plan: crate::plan::Plan::default(),
        latency: crate::latency::Latency::default(),
    }
}
