#!/usr/bin/env bash
# The end-to-end test of the README's legacy-frontend-system install: builds the plugin
# and the simulator, then the stock legacy Backstage app e2e/legacy-app (the plugin added
# as the README says) for production, and runs e2e/tests-legacy/ in headless Chromium,
# signing in through the harness's OpenID Provider. Assumes scripts/setup.sh has run.
# Ports and test files may be given, e.g.
#   E2E_LEGACY_BACKSTAGE_PORT=29017 scripts/e2e-legacy.sh e2e/tests-legacy/card.test.mjs
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
run_legacy_e2e_tests "${E2E_LEGACY_IDP_PORT:-28940}" "${E2E_LEGACY_SIM_PORT:-28938}" "${E2E_LEGACY_BACKSTAGE_PORT:-27017}" "$@"
step "Legacy-frontend-system end-to-end tests passed"
