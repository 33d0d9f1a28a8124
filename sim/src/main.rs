//! `conduktor-sim`: a stand-in for Conduktor Console's public API on loopback.
//!
//! It is written from `shared/conduktor-api.md`, not from the core's code, so that
//! the core's mistakes show up as test failures instead of being repeated here.

// Imports go one way, top (the composition) to bottom (leaves):
// main → router → api → session → state → {controls, conformance, auth, data, …};
// controls, conformance and logging read the caller record (`caller.rs`); errors
// are `error.rs`'s. `contract` is in the library, shared with the tests.
mod api;
mod auth;
mod caller;
mod conformance;
mod controls;
mod data;
mod dataset;
mod dev_key;
mod error;
mod idp;
mod jwks;
mod latency;
mod logging;
mod plan;
mod rbac;
mod router;
mod scale;
mod search;
mod session;
mod state;
mod users;

#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::HeaderValue;
use clap::Parser;

#[derive(Parser)]
#[command(
    version,
    about = "Simulates Conduktor Console's public API, delegated JWT authentication and RBAC, with a development IdP",
    after_help = "Logs go to stderr; RUST_LOG sets the filter (default: info). See sim/README.md."
)]
struct Args {
    /// Address to listen on (use loopback: the simulator has no TLS and a development IdP).
    #[arg(long, default_value = "127.0.0.1:28917", value_name = "ADDR")]
    listen: SocketAddr,
    /// Base URL clients use to reach the simulator; the development issuer is
    /// `<URL>/idp`. Default: `http://<the bound address>`.
    #[arg(long, value_name = "URL")]
    public_url: Option<String>,
    /// Trusted token issuer, like Console's `sso.jwt-auth.issuer`: keys come from
    /// `<URL>/.well-known/openid-configuration` and its `jwks_uri` (http only).
    /// Default: the built-in development issuer, `<public-url>/idp`.
    #[arg(long, value_name = "URL")]
    issuer: Option<String>,
    /// Claim holding the username (Console's `sso.jwt-auth.username-claim`).
    #[arg(long, default_value = "email", value_name = "CLAIM")]
    username_claim: String,
    /// Claim holding the IdP groups (Console's `sso.jwt-auth.groups-claim`).
    #[arg(long, default_value = "groups", value_name = "CLAIM")]
    groups_claim: String,
    /// With `--issuer`: refetch the JWKS for an unknown `kid` at most once per this
    /// many seconds.
    #[arg(long, default_value_t = auth::DEFAULT_REFETCH_INTERVAL.as_secs(), value_name = "SECONDS")]
    jwks_refetch_interval: u64,
    /// Origin allowed by CORS (repeatable, e.g. `http://127.0.0.1:7007`). Default:
    /// any origin.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,
    /// Load this YAML dataset instead of the built-in demo one (format: sim/README.md,
    /// example: sim/examples/dataset.yaml).
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
    /// Add a large deterministic dataset: `clusters=N,topics=M,groups=K` (topics and
    /// groups all on cluster `scale-0`), for benchmarks and planning tests.
    #[arg(long, value_name = "clusters=N,topics=M,groups=K")]
    scale: Option<scale::Scale>,
    /// Serve /sim/faults (fault injection), /sim/requests (request log),
    /// /sim/users (provisioned users), /sim/auth (key fetches), /sim/inflight
    /// (requests still being answered) and /sim/conformance (with --openapi) for tests.
    #[arg(long)]
    test_controls: bool,
    /// Check every request to Console's API and every answer against this OpenAPI
    /// 3.1 document (e.g. ../shared/real-api/console-openapi-excerpt.yaml):
    /// violations are logged and listed at GET /sim/conformance.
    #[arg(long, value_name = "FILE")]
    openapi: Option<PathBuf>,
    /// RSA private key (PEM) of the development IdP, created if missing or unusable,
    /// so restarts skip RSA key generation. Default: conduktor-sim-dev-key.pem next
    /// to the executable.
    #[arg(long, value_name = "FILE", conflicts_with = "fresh_dev_key")]
    dev_key: Option<PathBuf>,
    /// Generate a new development IdP key in memory; read and write no key file.
    #[arg(long)]
    fresh_dev_key: bool,
    /// Log format on stderr.
    #[arg(long, value_enum, default_value = "text")]
    log_format: logging::LogFormat,
    /// The Console licence to play: `free` refuses reads of self-service resources
    /// with a 403 naming the Enterprise licence (Console 1.43 and later).
    #[arg(long, value_enum, default_value = "enterprise")]
    plan: plan::Plan,
    /// Delay before each answer of Console's API, drawn uniformly from the range:
    /// `80ms±20ms`, `150ms`, `50+-5` (milliseconds), as a network round trip adds.
    #[arg(long, default_value = "0", value_name = "MS[±MS]")]
    latency: latency::Latency,
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let started = Instant::now();
    let args = Args::parse();
    logging::init(args.log_format);
    let cors_origins = args
        .cors_origins
        .iter()
        .map(|o| HeaderValue::from_str(o).map_err(|_| format!("--cors-origin {o:?} is not a header value")))
        .collect::<Result<Vec<_>, _>>()?;
    let shutdown = shutdown_signal()?;
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    let address = listener.local_addr()?;
    // The bound address, so that `--listen 127.0.0.1:0` gets a working issuer URL.
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{address}"));
    let dev_issuer = format!("{}/idp", public_url.trim_end_matches('/'));
    let key_file = if args.fresh_dev_key { None } else { args.dev_key.clone().or_else(dev_key::default_path) };
    // Reading (or, the first time, generating) the key runs while the dataset loads.
    let idp = tokio::task::spawn_blocking(move || -> Result<_, BoxError> {
        let key = dev_key::load_or_create(key_file.as_deref())?;
        Ok((idp::DevIdp::with_rsa_pem(dev_issuer, &key.pem)?, key.origin))
    });
    let (data, groups) = dataset::load(args.data.as_deref(), args.scale)?;
    let conformance = match &args.openapi {
        Some(file) => Some(Arc::new(conformance::Conformance::load(file)?)),
        None => None,
    };
    let (idp, key_origin) = idp.await??;
    let idp = Arc::new(idp);
    let (issuer, keys) = match &args.issuer {
        Some(issuer) => {
            let interval = Duration::from_secs(args.jwks_refetch_interval);
            (issuer.clone(), auth::Keys::Remote(Box::new(jwks::RemoteKeys::new(issuer.clone(), interval))))
        }
        None => (idp.issuer().to_string(), auth::Keys::Local(jwks::parse_jwks(&idp.jwks())?)),
    };
    let verifier = auth::Verifier::new(issuer, keys, args.username_claim.clone(), args.groups_claim.clone());
    let state = Arc::new(state::AppState {
        idp,
        verifier,
        data,
        controls: controls::Controls::new(args.test_controls),
        conformance,
        groups,
        users: users::Users::default(),
        cors_origins,
        plan: args.plan,
        latency: args.latency,
    });
    tracing::warn!(
        issuer = %state.idp.issuer(),
        rsa_key = %key_origin,
        "the development IdP at {}/token signs any identity it is asked for: development and tests only",
        state.idp.issuer()
    );
    tracing::info!(
        address = %format!("http://{address}"),
        trusted_issuer = %state.verifier.issuer(),
        username_claim = %args.username_claim,
        groups_claim = %args.groups_claim,
        test_controls = args.test_controls,
        openapi = %args.openapi.as_ref().map_or("-".into(), |f| f.display().to_string()),
        latency_ms = %format!("{}±{}", args.latency.base_ms, args.latency.jitter_ms),
        startup_ms = started.elapsed().as_millis() as u64,
        "conduktor-sim listening on http://{address}"
    );
    axum::serve(listener, router::router(state)).with_graceful_shutdown(shutdown).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM (how the test scripts stop it) ends the server gracefully.
/// The handlers are installed at once, before the start-up line announces the
/// server, so a SIGTERM sent right after that line is never fatal.
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {}
            _ = interrupt.recv() => {}
        }
    })
}
