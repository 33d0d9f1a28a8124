#!/usr/bin/env bash
# Runs every test: lint, native Rust tests (core and simulator), the core's browser
# tests in headless Chromium against the simulator, the TypeScript shim's tests, and
# the end-to-end tests in real Backstage apps of both frontend systems. Installs what is
# missing first.
# Servers listen on loopback only and are stopped by PID when the script exits.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
. "$ROOT/scripts/lib/idp.sh"
. "$ROOT/scripts/lib/e2e.sh"
trap stop_started EXIT
cd "$ROOT"

WASM_TEST_SIM_PORT=28917
SCALE_SIM_PORT=28916
# The end-to-end ports may be moved (another checkout's tests on the same machine).
E2E_SIM_PORT=${E2E_SIM_PORT:-28918}
E2E_IDP_PORT=${E2E_IDP_PORT:-28920}
E2E_BACKSTAGE_PORT=${E2E_BACKSTAGE_PORT:-27007}

"$ROOT/scripts/setup.sh"

step "Rust formatting and lints (cargo fmt --check, cargo clippy -D warnings)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "Native Rust tests of the core and the simulator (cargo test --workspace)"
cargo test --workspace

step "Starting the Console simulator on 127.0.0.1:$WASM_TEST_SIM_PORT"
cargo build --quiet -p conduktor-sim
start_sim sim-wasm-tests "$WASM_TEST_SIM_PORT" --test-controls
step "Starting a simulator with 100 000 topics and 20 000 consumer groups on 127.0.0.1:$SCALE_SIM_PORT"
start_sim sim-scale "$SCALE_SIM_PORT" --test-controls --scale clusters=1,topics=100000,groups=20000
export CONDUKTOR_SIM_URL="http://127.0.0.1:$WASM_TEST_SIM_PORT" CONDUKTOR_SCALE_SIM_URL="http://127.0.0.1:$SCALE_SIM_PORT"
# The runner's timeout covers the whole headless run (default 20 s); the big-cluster
# test alone downloads 25 MB of topics to compare against.
export WASM_BINDGEN_TEST_TIMEOUT=300

step "Browser tests of the wasm core in headless Chromium (wasm-pack test --headless --chrome)"
# `-- -- --nocapture` shows what the tests log, such as the request cost of the big-cluster overview.
wasm-pack test --headless --chrome -- -- --nocapture 2>&1 | tee "$LOGS/wasm-pack-test.log"
# A suite configured for Node instead of the browser runs nothing and still exits 0.
grep -Eq 'test result: ok\. [1-9][0-9]* passed' "$LOGS/wasm-pack-test.log" ||
  die "the browser test suite reported no passed test"

step "The same browser tests in a dedicated worker (no window: only the global fetch)"
wasm-pack test --headless --chrome --features worker-tests 2>&1 |
  tee "$LOGS/wasm-pack-test-worker.log"
grep -Eq 'test result: ok\. [1-9][0-9]* passed' "$LOGS/wasm-pack-test-worker.log" ||
  die "the worker test suite reported no passed test"

"$ROOT/scripts/build.sh"

step "TypeScript shim: strict type check and unit tests (vitest)"
npx tsc -p tsconfig.json --noEmit
npx vitest run

run_e2e_tests "$E2E_IDP_PORT" "$E2E_SIM_PORT" "$E2E_BACKSTAGE_PORT"

# The same plugin installed into a stock legacy-frontend-system app exactly as the README
# says; the first app's servers are stopped first (about 0.5 GB).
stop_started
run_legacy_e2e_tests "${E2E_LEGACY_IDP_PORT:-28940}" "${E2E_LEGACY_SIM_PORT:-28938}" "${E2E_LEGACY_BACKSTAGE_PORT:-27017}"

step "All tests passed"
