//! `conduktor-sim`: a stand-in for Conduktor Console's public API on loopback.
//!
//! It is written from `shared/conduktor-api.md`, not from the core's code, so that
//! the core's mistakes show up as test failures instead of being repeated here.

mod api;
mod controls;
mod data;
mod idp;
mod rbac;
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
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let public_url = args.public_url.unwrap_or_else(|| format!("http://{}", args.listen));
    let idp = idp::DevIdp::generate(format!("{}/idp", public_url.trim_end_matches('/')))?;
    let controls = controls::Controls::new(args.test_controls);
    let state = Arc::new(api::AppState { idp, data: data::Seed::default(), controls, groups: rbac::demo_groups() });
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    eprintln!("conduktor-sim listening on http://{} (issuer {})", listener.local_addr()?, state.idp.issuer());
    axum::serve(listener, api::router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
