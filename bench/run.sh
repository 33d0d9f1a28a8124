#!/usr/bin/env bash
# The benchmark of issue 7, in one command: builds the Console simulator (release), installs
# the bench's npm packages (npm ci), starts three simulators with different --scale data and
# the page's static server on loopback, runs the page in headless Debian Chromium, writes
# bench/results/ (results.json, results.md, chart.svg), and stops everything it started.
#
# Environment (all optional):
#   BENCH_CORE_DIR       core package under test (default: <repo>/dist/wasm, made by scripts/build.sh)
#   BENCH_SIM_BIN        a conduktor-sim binary; default: cargo build --release -p conduktor-sim here
#   BENCH_PORT_BASE      static server port; the simulators take the next ports from +10 (default 47600)
#   BENCH_OUT            results folder (default bench/results)
#   BENCH_BUDGET_S       seconds of timed rounds per workload and mode (default 10)
#   BENCH_ONLY           comma-separated workload ids (see src/shared/workloads.ts)
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
export BENCH_CORE_DIR=${BENCH_CORE_DIR:-$ROOT/dist/wasm}
export BENCH_OUT=${BENCH_OUT:-$BENCH/results}
PORT_BASE=${BENCH_PORT_BASE:-47600}
export BENCH_PAGE_URL="http://127.0.0.1:$PORT_BASE"
export BENCH_SIM_PORT_BASE=$((PORT_BASE + 10))
LOGS="$BENCH/dist/logs"
START=$SECONDS
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '==> [%4ss] %s\n' "$((SECONDS - START))" "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Every process started here, stopped by PID on any exit.
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits until $1 answers, failing if process $2 died or $3 seconds passed.
wait_for() {
  local url=$1 pid=$2 deadline=$((SECONDS + ${3:-60}))
  until curl -sf -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || die "the process behind $url exited; see $LOGS"
    [ $SECONDS -lt $deadline ] || die "$url did not answer in time"
    sleep 0.2
  done
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

[ -f "$BENCH_CORE_DIR/conduktor_card_core.js" ] && [ -f "$BENCH_CORE_DIR/conduktor_card_core_bg.wasm" ] ||
  die "no core in $BENCH_CORE_DIR: run scripts/build.sh, or set BENCH_CORE_DIR to a wasm-pack --target web output"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing (scripts/setup.sh installs Debian's chromium)"
mkdir -p "$LOGS"

if [ -n "${BENCH_SIM_BIN:-}" ]; then
  SIM_BIN=$BENCH_SIM_BIN
else
  step "Building the simulator (cargo build --release -p conduktor-sim)"
  (cd "$ROOT" && cargo build --release -q -p conduktor-sim) >"$LOGS/cargo.log" 2>&1 || { tail -n 30 "$LOGS/cargo.log"; die "simulator build failed"; }
  SIM_BIN=$ROOT/target/release/conduktor-sim
fi
[ -x "$SIM_BIN" ] || die "no simulator binary at $SIM_BIN"

cd "$BENCH"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing the bench's npm packages (npm ci)"
  npm ci --no-audit --no-fund >"$LOGS/npm-ci.log" 2>&1 || { tail -n 30 "$LOGS/npm-ci.log"; die "npm ci failed"; }
fi
step "Bundling the page and the driver (esbuild)"
node build.mjs

step "Starting the simulators and the static server on loopback"
port_free "$PORT_BASE" || die "port $PORT_BASE is taken: set BENCH_PORT_BASE"
node server/static.mjs "$PORT_BASE" "$BENCH/dist/page" "$BENCH_CORE_DIR" 2>"$LOGS/static.log" &
PIDS+=($!)
wait_for "$BENCH_PAGE_URL/" "$!"
while read -r name port scale; do
  port_free "$port" || die "port $port is taken: set BENCH_PORT_BASE"
  "$SIM_BIN" --listen "127.0.0.1:$port" --test-controls --scale "$scale" >"$LOGS/sim-$name.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$port/health" "$!"
  echo "    $name on :$port ($scale)"
done < <(node dist/driver.mjs --print-sims)

step "Running the page in headless Chromium"
# In the background and waited for, so that a TERM to this script runs the trap at once
# (bash defers traps until a foreground child ends); playwright closes Chromium on TERM.
node dist/driver.mjs &
PIDS+=($!)
wait "$!"
step "Done: $BENCH_OUT/results.md"
