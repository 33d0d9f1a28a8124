#!/usr/bin/env bash
# Runs the demo: the Console simulator and a real Backstage app (production build)
# with the Conduktor card, on loopback. Installs and builds what is missing first,
# prints the URL and keeps running until Ctrl-C.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
trap stop_started EXIT
cd "$ROOT"

SIM_PORT=${CONDUKTOR_SIM_PORT:-28919}
BACKSTAGE_PORT=${BACKSTAGE_PORT:-7007}

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
step "Building the Console simulator"
cargo build --quiet -p conduktor-sim
prepare_backstage_app
step "Starting the simulator (:$SIM_PORT) and Backstage (:$BACKSTAGE_PORT)"
start_sim sim-demo "$SIM_PORT"
start_backstage backstage-demo "$BACKSTAGE_PORT" "$SIM_PORT"

cat <<INFO

  Backstage with the Conduktor card is running:

    http://127.0.0.1:$BACKSTAGE_PORT/catalog/default/component/payments-api

  Sign in as guest ("Enter"); the card is on the entity's Overview tab.
  Conduktor Console simulator: http://127.0.0.1:$SIM_PORT (logs in .artifacts/logs/).
  Press Ctrl-C to stop.

INFO
wait "${STARTED_PIDS[@]}"
