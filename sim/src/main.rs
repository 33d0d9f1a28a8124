//! `conduktor-sim`: a stand-in for Conduktor Console's public API on loopback.
//!
//! It is written from `shared/conduktor-api.md`, not from the core's code, so that
//! the core's mistakes show up as test failures instead of being repeated here.

mod api;
mod controls;
mod data;
mod idp;
mod rbac;
mod scale;
mod search;

use std::net::SocketAddr;
use std::sync::Arc;

use clap::Parser;

#[derive(Parser)]
#[command(about = "Simulates Conduktor Console's public API, delegated JWT auth and a development IdP")]
struct Args {
    /// Address to listen on; loopback only in tests.
    #[arg(long, default_value = "127.0.0.1:28917")]
    listen: SocketAddr,
    /// Base URL clients use to reach the simulator (the dev issuer is `<url>/idp`).
    /// Defaults to `http://<listen>`.
    #[arg(long)]
    public_url: Option<String>,
    /// Serve /sim/faults (fault injection) and /sim/requests (request log) for tests.
    #[arg(long)]
    test_controls: bool,
    /// Add a large deterministic dataset: `clusters=N,topics=M,groups=K` (topics and
    /// groups all on cluster `scale-0`), for benchmarks and planning tests.
    #[arg(long, value_name = "clusters=N,topics=M,groups=K")]
    scale: Option<scale::Scale>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let public_url = args.public_url.unwrap_or_else(|| format!("http://{}", args.listen));
    let idp = idp::DevIdp::generate(format!("{}/idp", public_url.trim_end_matches('/')))?;
    let controls = controls::Controls::new(args.test_controls);
    let mut data = data::Seed::default();
    if let Some(scale) = args.scale {
        scale.extend(&mut data);
    }
    let state = Arc::new(api::AppState { idp, data, controls, groups: rbac::demo_groups() });
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    eprintln!("conduktor-sim listening on http://{} (issuer {})", listener.local_addr()?, state.idp.issuer());
    axum::serve(listener, api::router(state)).with_graceful_shutdown(shutdown_signal()).await?;
    Ok(())
}

/// Ctrl-C or SIGTERM (how the test scripts stop it) ends the server gracefully.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}
