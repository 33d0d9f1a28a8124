#!/usr/bin/env bash
# Runs only the end-to-end step of test.sh: builds the plugin and the simulator,
# then the Playwright tests against the production Backstage app signed in through
# the harness's OpenID Provider. Assumes scripts/setup.sh has run. Ports and test
# files may be given, e.g. E2E_BACKSTAGE_PORT=29007 scripts/e2e.sh e2e/tests/card.test.mjs
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
. "$ROOT/scripts/lib/idp.sh"
. "$ROOT/scripts/lib/e2e.sh"
trap stop_started EXIT
cd "$ROOT"

"$ROOT/scripts/build.sh"
step "Building the Console simulator"
cargo build --quiet -p conduktor-sim
run_e2e_tests "${E2E_IDP_PORT:-28920}" "${E2E_SIM_PORT:-28918}" "${E2E_BACKSTAGE_PORT:-27007}" "$@"
step "End-to-end tests passed"
