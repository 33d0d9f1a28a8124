# Shared by the scripts in scripts/: paths, tool locations and small helpers.
# Everything the project installs lives in .tools/ (git-ignored), so a second run
# reuses it and a fresh clone installs it.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS="$ROOT/.tools"
ARTIFACTS="$ROOT/.artifacts"
LOGS="$ARTIFACTS/logs"
CARGO_TOOLS="$TOOLS/cargo"
NODE22_DIR="$TOOLS/node22/package"
E2E_WORK="$TOOLS/e2e-app"
PLUGIN_TARBALL="$ARTIFACTS/backstage-plugin-conduktor-card.tgz"
# The dynamic frontend plugin (scripts/build-dynamic.sh): the folder to copy into
# dynamicPlugins.rootDirectory, its tarball, and the build's stage.
DYNAMIC_BUILD="$ARTIFACTS/dynamic"
DYNAMIC_PLUGIN_DIR="$DYNAMIC_BUILD/backstage-plugin-conduktor-card"
DYNAMIC_PLUGIN_TARBALL="$ARTIFACTS/backstage-plugin-conduktor-card-dynamic.tgz"
mkdir -p "$TOOLS" "$ARTIFACTS" "$LOGS"

export PATH="$CARGO_TOOLS/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

# Shared by nested scripts so progress lines show the time since the outer command started.
export CONDUKTOR_RUN_START=${CONDUKTOR_RUN_START:-$(date +%s)}

# Prints a progress line with the elapsed time of the whole run.
step() {
  printf '\n==> [%4ss] %s\n' "$(($(date +%s) - CONDUKTOR_RUN_START))" "$*"
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Runs a long, chatty command with its output in a log; prints the log's tail on failure.
logged() {
  local name=$1
  shift
  local log="$LOGS/$name.log"
  if ! "$@" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    die "$name failed; full log: $log"
  fi
}

# npm_ci_when_changed DIR WHAT: `npm ci` in a small package of the harness (its own
# package.json and lockfile) when the lockfile is newer than the last install.
npm_ci_when_changed() {
  local dir=$1 what=$2
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    step "Installing $what (npm ci in ${dir#"$ROOT"/})"
    (cd "$dir" && logged "npm-ci-$(basename "$dir")" npm ci --no-audit --no-fund)
  fi
}

# The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Waits until an HTTP URL answers (any status), or fails after $2 seconds.
wait_for_http() {
  local url=$1 timeout=${2:-60} pid=${3:-}
  local deadline=$((SECONDS + timeout))
  until curl -s -o /dev/null "$url"; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      die "the process behind $url exited; see its log in $LOGS"
    fi
    [ $SECONDS -lt $deadline ] || die "$url did not answer within ${timeout}s"
    sleep 0.5
  done
}

# Background processes started by the scripts, stopped by PID on exit.
STARTED_PIDS=()

start_background() {
  local name=$1
  shift
  "$@" >"$LOGS/$name.log" 2>&1 &
  STARTED_PIDS+=("$!")
  LAST_PID=$!
}

stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  STARTED_PIDS=()
}
