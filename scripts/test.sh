#!/usr/bin/env bash
# Runs every test: scripts/check.sh (lint, native Rust tests of the core and the
# simulator, the package build and its size budget, the core's browser tests in headless
# Chromium against the simulator, the TypeScript shim's tests), then the end-to-end tests
# in real Backstage apps of both frontend systems, at both ends of the supported range
# (1.55 and 1.52), and in an app that loads the plugin as a dynamic frontend plugin.
# Installs what is missing first.
# Servers listen on loopback only and are stopped by PID when the script exits.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
. "$ROOT/scripts/lib/idp.sh"
. "$ROOT/scripts/lib/e2e.sh"
trap stop_started EXIT
cd "$ROOT"

# The end-to-end ports may be moved (another checkout's tests on the same machine).
E2E_SIM_PORT=${E2E_SIM_PORT:-28918}
E2E_IDP_PORT=${E2E_IDP_PORT:-28920}
E2E_BACKSTAGE_PORT=${E2E_BACKSTAGE_PORT:-27007}

# Everything but the Backstage apps: lint, native tests, the package build and size
# budget, the browser suite in page and worker, the shim's tests.
"$ROOT/scripts/check.sh"

run_e2e_tests "$E2E_IDP_PORT" "$E2E_SIM_PORT" "$E2E_BACKSTAGE_PORT"

# The same plugin installed into a stock legacy-frontend-system app exactly as the README
# says; the first app's servers are stopped first (about 0.5 GB).
stop_started
run_legacy_e2e_tests "${E2E_LEGACY_IDP_PORT:-28940}" "${E2E_LEGACY_SIM_PORT:-28938}" "${E2E_LEGACY_BACKSTAGE_PORT:-27017}"

# The plugin installed without rebuilding the app: its module federation build copied into
# the dynamic plugins folder of an app that has no dependency on it.
stop_started
"$ROOT/scripts/build-dynamic.sh"
run_dynamic_e2e_tests "${E2E_DYNAMIC_IDP_PORT:-28960}" "${E2E_DYNAMIC_SIM_PORT:-28958}" "${E2E_DYNAMIC_BACKSTAGE_PORT:-27027}"

# The older end of the supported range: stock Backstage 1.52 apps of both frontend
# systems, the same suites but for what old_app_test_files leaves out (scripts/e2e-old.sh
# runs only these).
stop_started
mapfile -t old_app_tests < <(old_app_test_files)
run_old_e2e_tests "${E2E_OLD_IDP_PORT:-28975}" "${E2E_OLD_SIM_PORT:-28973}" "${E2E_OLD_BACKSTAGE_PORT:-27047}" \
  "${old_app_tests[@]}"
stop_started
run_old_legacy_e2e_tests "${E2E_OLD_LEGACY_IDP_PORT:-28985}" "${E2E_OLD_LEGACY_SIM_PORT:-28983}" \
  "${E2E_OLD_LEGACY_BACKSTAGE_PORT:-27057}"

step "All tests passed"
