#!/usr/bin/env bash
# The older end of the supported Backstage range: builds the plugin and the simulator,
# then the stock Backstage 1.52 apps (e2e/old-app, new frontend system, and
# e2e/old-legacy-app, legacy), each getting the plugin by the README's install lines, and
# runs e2e/tests/ and e2e/tests-legacy/ against their production builds, signing in
# through the harness's OpenID Provider. Assumes scripts/setup.sh has run.
# Ports may be moved, e.g. E2E_OLD_BACKSTAGE_PORT=29027 scripts/e2e-old.sh; test files
# given as arguments run in the new-frontend-system app only.
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
# By default the files scripts/test.sh runs here (old_app_test_files).
tests=("$@")
[ $# -gt 0 ] || mapfile -t tests < <(old_app_test_files)
run_old_e2e_tests "${E2E_OLD_IDP_PORT:-28975}" "${E2E_OLD_SIM_PORT:-28973}" "${E2E_OLD_BACKSTAGE_PORT:-27047}" "${tests[@]}"
if [ $# -eq 0 ]; then
  stop_started
  run_old_legacy_e2e_tests "${E2E_OLD_LEGACY_IDP_PORT:-28985}" "${E2E_OLD_LEGACY_SIM_PORT:-28983}" \
    "${E2E_OLD_LEGACY_BACKSTAGE_PORT:-27057}"
fi
step "Backstage 1.52 end-to-end tests passed"
