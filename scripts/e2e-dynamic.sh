#!/usr/bin/env bash
# The end-to-end test of the dynamic install: builds the plugin, its dynamic build
# (a module federation remote with the .wasm inside) and the simulator, then the
# dynamic-install variant of the stock app (e2e/dynamic-app: the backend's dynamic
# feature service, the frontend's dynamic features loader, no dependency on the
# plugin), unpacks the dynamic build into the built app's dynamic plugins folder and
# runs e2e/tests-dynamic/ in headless Chromium, signing in through the harness's
# OpenID Provider. Assumes scripts/setup.sh has run. Ports and test files may be given, e.g.
#   E2E_DYNAMIC_BACKSTAGE_PORT=29307 scripts/e2e-dynamic.sh e2e/tests-dynamic/dynamic.test.mjs
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
. "$ROOT/scripts/lib/idp.sh"
. "$ROOT/scripts/lib/e2e.sh"
trap stop_started EXIT
cd "$ROOT"

"$ROOT/scripts/build.sh"
"$ROOT/scripts/build-dynamic.sh"
step "Building the Console simulator"
cargo build --quiet -p conduktor-sim
run_dynamic_e2e_tests "${E2E_DYNAMIC_IDP_PORT:-28960}" "${E2E_DYNAMIC_SIM_PORT:-28958}" "${E2E_DYNAMIC_BACKSTAGE_PORT:-27027}" "$@"
step "Dynamic-install end-to-end tests passed"
