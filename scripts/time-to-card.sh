#!/usr/bin/env bash
# Time to card (issue 17): builds the plugin and the simulator, the production
# Backstage app of the end-to-end harness (reused when unchanged, as scripts/e2e.sh
# does), starts the OpenID Provider and Backstage, then bench/time-to-card/measure.mjs
# restarts the simulator at each latency and measures the plugin's card beside the
# seed's approach; bench/time-to-card/report.mjs writes bench/results/time-to-card.{md,svg}.
# Ports as scripts/e2e.sh (E2E_IDP_PORT, E2E_SIM_PORT, E2E_BACKSTAGE_PORT); TTC_REPS
# (default 5) and TTC_LATENCIES (default 0,50,150) set the samples.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
. "$ROOT/scripts/lib/idp.sh"
trap stop_started EXIT
cd "$ROOT"

idp_port=${E2E_IDP_PORT:-28920} sim_port=${E2E_SIM_PORT:-28918} backstage_port=${E2E_BACKSTAGE_PORT:-27007}

"$ROOT/scripts/build.sh"
step "Building the Console simulator"
cargo build --quiet -p conduktor-sim
prepare_backstage_app
install_idp
step "Starting the OpenID Provider (:$idp_port) and the production Backstage app (:$backstage_port)"
start_idp idp-time-to-card "$idp_port" "$backstage_port" --test-controls
start_backstage backstage-time-to-card "$backstage_port" "$sim_port" "$idp_port"

step "Measuring time to card at ${TTC_LATENCIES:-0,50,150} ms of Console latency, ${TTC_REPS:-5} views per entity and approach (the simulator restarted per latency)"
E2E_BASE_URL="http://127.0.0.1:$backstage_port" E2E_SIM_URL="http://127.0.0.1:$sim_port" \
  E2E_IDP_URL="http://127.0.0.1:$idp_port" E2E_SCREENSHOTS="$ARTIFACTS/time-to-card" \
  TTC_SIM_BIN="$ROOT/target/debug/conduktor-sim" TTC_LOGS="$LOGS" \
  node bench/time-to-card/measure.mjs
node bench/time-to-card/report.mjs
step "Time to card measured: ${TTC_OUT:-bench/results/time-to-card.json} and its .md and .svg"
