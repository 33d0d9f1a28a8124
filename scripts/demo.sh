#!/usr/bin/env bash
# Runs the demo: the harness's OpenID Provider, the Console simulator trusting it and
# a real Backstage app (production build) with the Conduktor card, on loopback.
# Installs and builds what is missing first, prints the URL and the demo users, and
# keeps running until Ctrl-C, stopping everything it started.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
. "$ROOT/scripts/lib/idp.sh"
trap stop_started EXIT
cd "$ROOT"

SIM_PORT=${CONDUKTOR_SIM_PORT:-28919}
IDP_PORT=${CONDUKTOR_IDP_PORT:-28921}
BACKSTAGE_PORT=${BACKSTAGE_PORT:-7007}

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
step "Building the Console simulator"
cargo build --quiet -p conduktor-sim
prepare_backstage_app
install_idp
step "Starting the OpenID Provider (:$IDP_PORT), the simulator (:$SIM_PORT) and Backstage (:$BACKSTAGE_PORT)"
start_idp idp-demo "$IDP_PORT" "$BACKSTAGE_PORT"
start_sim sim-demo "$SIM_PORT" --issuer "http://127.0.0.1:$IDP_PORT"
start_backstage backstage-demo "$BACKSTAGE_PORT" "$SIM_PORT" "$IDP_PORT"

cat <<INFO

  Backstage with the Conduktor card is running:

    http://127.0.0.1:$BACKSTAGE_PORT/catalog/default/component/payments-api

  Sign in with "Harness IdP" as one of these users (the card is on the Overview tab;
  each sees what Console's RBAC gives their IdP groups):

$("$NODE22_DIR/bin/node" --input-type=module -e "
  const { USERS } = await import('$ROOT/e2e/idp/users.mjs');
  for (const u of USERS) console.log('    ' + u.email.padEnd(20) + ' password ' + u.password.padEnd(12) + ' ' + u.role + ' (groups: ' + u.groups.join(', ') + ')');
")

  OpenID Provider (issuer): http://127.0.0.1:$IDP_PORT
  Conduktor Console simulator: http://127.0.0.1:$SIM_PORT (logs in .artifacts/logs/).
  Press Ctrl-C to stop.

INFO
wait "${STARTED_PIDS[@]}"
