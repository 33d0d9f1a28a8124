#!/usr/bin/env bash
# The fast check for a developer's loop: everything but the Backstage apps.
# Formatting and lints, native Rust tests (core and simulator), the npm package build
# with its size budget, the API reports of its exports and its publish dry run, the
# core's browser tests in headless Chromium (in the page and in a dedicated worker)
# against simulators, and the TypeScript shim's type check and unit tests. scripts/test.sh runs this, then the end-to-end tests.
# Servers listen on loopback only and are stopped by PID when the script exits.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
trap stop_started EXIT
cd "$ROOT"

# The browser suite bakes these into its build; move them with the env vars if another
# checkout's tests use the same machine.
WASM_TEST_SIM_PORT=${WASM_TEST_SIM_PORT:-28917}
SCALE_SIM_PORT=${SCALE_SIM_PORT:-28916}

"$ROOT/scripts/setup.sh"

step "Rust formatting and lints (cargo fmt --check, cargo clippy -D warnings, native and wasm32)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p conduktor-card-wasm --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "Native Rust tests: the core (unit, decoding, overview, bad input, fuzz smoke, TypeScript declarations) and the simulator"
# The wasm crate is only exports and the fetch transport: its tests run in the browser below.
cargo test --workspace --exclude conduktor-card-wasm

"$ROOT/scripts/build.sh"

step "API reports of the public entry points (API Extractor: report.api.md, report-alpha.api.md)"
"$ROOT/scripts/api-report.sh"

step "Package metadata and contents (npm publish --dry-run)"
npm publish --dry-run >"$LOGS/npm-publish-dry-run.log" 2>&1 || { tail -n 40 "$LOGS/npm-publish-dry-run.log" >&2; die "npm publish --dry-run failed"; }
grep -q 'package/dist/wasm/conduktor_card_core_bg.wasm\|dist/wasm/conduktor_card_core_bg.wasm' "$LOGS/npm-publish-dry-run.log" ||
  die "npm publish --dry-run would publish no .wasm"

# Console's own OpenAPI document, read in place (never copied into the repository): the
# simulator checks every request the browser suite sends, and every answer, against it.
OPENAPI="$ROOT/../shared/real-api/console-openapi-excerpt.yaml"
[ -f "$OPENAPI" ] || die "missing file $OPENAPI: Console's published OpenAPI document, which the conformance checks read in place (see ../shared/real-api/README.md)"

step "Starting the Console simulator on 127.0.0.1:$WASM_TEST_SIM_PORT, checking requests and answers against Console's OpenAPI document"
cargo build --quiet -p conduktor-sim
start_sim sim-wasm-tests "$WASM_TEST_SIM_PORT" --test-controls --openapi "$OPENAPI"
step "Starting a simulator with 100 000 topics and 20 000 consumer groups on 127.0.0.1:$SCALE_SIM_PORT"
start_sim sim-scale "$SCALE_SIM_PORT" --test-controls --scale clusters=1,topics=100000,groups=20000
export CONDUKTOR_SIM_URL="http://127.0.0.1:$WASM_TEST_SIM_PORT" CONDUKTOR_SCALE_SIM_URL="http://127.0.0.1:$SCALE_SIM_PORT"
# The runner's timeout covers the whole headless run (default 20 s); the big-cluster
# test alone downloads 25 MB of topics to compare against.
export WASM_BINDGEN_TEST_TIMEOUT=300

step "Browser tests of the wasm crate in headless Chromium (wasm-pack test --headless --chrome wasm)"
# `-- --nocapture` (one `--` after the crate path) shows what the tests log, such as the request cost of the big-cluster overview.
wasm-pack test --headless --chrome wasm -- --nocapture 2>&1 | tee "$LOGS/wasm-pack-test.log"
# A suite configured for Node instead of the browser runs nothing and still exits 0.
grep -Eq 'test result: ok\. [1-9][0-9]* passed' "$LOGS/wasm-pack-test.log" ||
  die "the browser test suite reported no passed test"

step "The same browser tests in a dedicated worker (no window: only the global fetch)"
wasm-pack test --headless --chrome wasm --features worker-tests 2>&1 | tee "$LOGS/wasm-pack-test-worker.log"
grep -Eq 'test result: ok\. [1-9][0-9]* passed' "$LOGS/wasm-pack-test-worker.log" ||
  die "the worker test suite reported no passed test"

step "TypeScript shim: Backstage's ESLint rules (backstage-cli package lint) and Prettier (Backstage's config)"
npx backstage-cli package lint js
npx prettier --check js

step "TypeScript shim: strict type check and unit tests (vitest)"
npx tsc -p tsconfig.json --noEmit
npx vitest run

step "Fast check passed"
