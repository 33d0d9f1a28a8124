# The real Backstage app of the end-to-end tests and the demo. The committed app in
# e2e/app is copied to .tools/e2e-app (git-ignored) so that installing the freshly
# packed plugin, which changes the tarball's hash in yarn.lock, never dirties the
# working tree; node_modules stay there between runs.

node22() {
  PATH="$NODE22_DIR/bin:$PATH" "$@"
}

app_yarn() {
  (cd "$E2E_WORK" && YARN_ENABLE_IMMUTABLE_INSTALLS=false npm_config_nodedir="$NODE22_DIR" \
    node22 node .yarn/releases/yarn-4.13.0.cjs "$@")
}

# What the backend reads at start-up, not the build: copied on every run, outside the hash.
RUNTIME_ONLY=(./examples ./app-config.e2e.yaml)

# A content hash of the app sources and the plugin tarball: unchanged means the
# previous production build can be reused.
app_inputs_hash() {
  {
    tar -C "$ROOT/e2e/app" --exclude=./node_modules --exclude='./packages/*/node_modules' \
      "${RUNTIME_ONLY[@]/#/--exclude=}" --exclude=./vendor --exclude='./packages/*/dist' --exclude=./.prod --exclude=./dist-types \
      --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - .
    cat "$PLUGIN_TARBALL"
  } | sha256sum | cut -d' ' -f1
}

prepare_backstage_app() {
  [ -f "$PLUGIN_TARBALL" ] || die "no plugin tarball; run scripts/build.sh first"
  local hash stamp="$E2E_WORK/.inputs-hash"
  hash=$(app_inputs_hash)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -d "$E2E_WORK/.prod" ]; then
    step "Backstage app unchanged since its last build; reusing it (with the current entities and app-config.e2e.yaml)"
    rm -rf "$E2E_WORK/examples"
    tar -C "$ROOT/e2e/app" -cf - "${RUNTIME_ONLY[@]}" | tar -C "$E2E_WORK" -xf -
    return
  fi
  step "Copying the Backstage app (e2e/app) to .tools/e2e-app"
  mkdir -p "$E2E_WORK"
  # Keep node_modules and yarn's install state: the next install then only relinks what changed.
  local state="$TOOLS/e2e-install-state.gz"
  [ -f "$E2E_WORK/.yarn/install-state.gz" ] && mv "$E2E_WORK/.yarn/install-state.gz" "$state"
  find "$E2E_WORK" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name packages -exec rm -rf {} +
  find "$E2E_WORK/packages" -mindepth 2 -maxdepth 2 ! -name node_modules -exec rm -rf {} + 2>/dev/null || true
  tar -C "$ROOT/e2e/app" --exclude=./node_modules --exclude='./packages/*/node_modules' --exclude=./vendor -cf - . |
    tar -C "$E2E_WORK" -xf -
  [ -f "$state" ] && mv "$state" "$E2E_WORK/.yarn/install-state.gz"
  mkdir -p "$E2E_WORK/vendor"
  cp "$PLUGIN_TARBALL" "$E2E_WORK/vendor/backstage-plugin-conduktor-card.tgz"
  step "Installing the Backstage app with the plugin tarball (yarn 4, Node 22; about 2-4 min on a cold cache)"
  logged yarn-install app_yarn install
  step "Type-checking the Backstage app (yarn tsc)"
  logged yarn-tsc app_yarn tsc
  step "Building the Backstage app for production (backstage-cli repo build --all)"
  logged yarn-build app_yarn build:all
  rm -rf "$E2E_WORK/.prod" && mkdir -p "$E2E_WORK/.prod"
  tar xzf "$E2E_WORK/packages/backend/dist/bundle.tar.gz" -C "$E2E_WORK/.prod"
  echo "$hash" >"$stamp"
}

# start_backstage NAME BACKSTAGE_PORT SIM_PORT IDP_PORT: the production backend serving
# the UI, the catalog, the proxy and the OIDC sign-in on loopback. Start the IdP first:
# the backend reads its discovery document once, at start-up.
start_backstage() {
  local name=$1 port=$2 sim_port=$3 idp_port=$4
  sed "s/@CONDUKTOR_SIM_PORT@/$sim_port/g" "$E2E_WORK/examples/console-api.yaml.in" >"$E2E_WORK/examples/console-api.yaml"
  # shellcheck disable=SC2016 # node22 runs in the subshell below
  start_background "$name" bash -c 'cd "$1" && BACKSTAGE_PORT=$2 CONDUKTOR_SIM_PORT=$3 E2E_IDP_PORT=$4 NODE_ENV=production \
    exec "$5/bin/node" .prod/packages/backend --config app-config.yaml --config app-config.e2e.yaml' \
    _ "$E2E_WORK" "$port" "$sim_port" "$idp_port" "$NODE22_DIR"
  wait_for_http "http://127.0.0.1:$port/" 120 "$LAST_PID"
}

# start_sim NAME PORT [FLAGS...]
start_sim() {
  local name=$1 port=$2
  shift 2
  start_background "$name" "$ROOT/target/debug/conduktor-sim" --listen "127.0.0.1:$port" "$@"
  wait_for_http "http://127.0.0.1:$port/idp/jwks" 30 "$LAST_PID"
}
