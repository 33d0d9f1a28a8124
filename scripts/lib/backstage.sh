# The real Backstage app of the end-to-end tests and the demo. The committed app in
# e2e/app is copied to .tools/e2e-app (git-ignored) so that installing the freshly
# packed plugin, which changes the tarball's hash in yarn.lock, never dirties the
# working tree; node_modules stay there between runs. The functions take the app
# (committed sources, working copy) as optional last arguments, e2e/app and
# .tools/e2e-app by default; scripts/e2e-legacy.sh passes e2e/legacy-app.

node22() {
  PATH="$NODE22_DIR/bin:$PATH" "$@"
}

app_yarn() {
  app_yarn_in "$E2E_WORK" "$@"
}

# app_yarn_in WORK_DIR ARGS...: yarn in another working copy.
app_yarn_in() {
  local work=$1
  shift
  (cd "$work" && YARN_ENABLE_IMMUTABLE_INSTALLS=false npm_config_nodedir="$NODE22_DIR" \
    node22 node .yarn/releases/yarn-4.13.0.cjs "$@")
}

# run_readme_install_lines WORK_DIR: the README's "Install it in your Backstage app" lines
# (the fenced block between the install-lines markers), run in the app's root as an
# adopter would, with /path/to/conduktor-card standing for this checkout and `yarn` for
# the app's own yarn. The e2e apps get the plugin this way and no other, so the README's
# lines are tested on every run.
run_readme_install_lines() {
  local work=$1 lines
  lines=$(awk '/<!-- install-lines:begin -->/ { on = 1; next } /<!-- install-lines:end -->/ { on = 0 } on && !/^```/' "$ROOT/README.md")
  [ -n "$lines" ] || die "README.md has no install-lines block"
  lines=${lines//\/path\/to\/conduktor-card/$ROOT}
  printf 'README install lines, run in %s:\n%s\n' "$work" "$lines"
  (
    cd "$work"
    # shellcheck disable=SC2329 # called by the README's lines
    yarn() { app_yarn_in "$work" "$@"; }
    eval "$lines"
  )
}

# What the backend reads at start-up, not the build: copied on every run, outside the hash.
RUNTIME_ONLY=(./examples ./app-config.e2e.yaml)

# app_depends_on_plugin SRC_DIR: whether the app installs the plugin tarball (the
# dynamic-install variant does not: it gets the plugin at run time).
app_depends_on_plugin() {
  grep -q 'vendor/backstage-plugin-conduktor-card.tgz' "$1/packages/app/package.json"
}

# app_inputs_hash [SRC_DIR]: a content hash of the app sources and the plugin
# tarball it installs: unchanged means the previous production build can be reused.
app_inputs_hash() {
  local src=${1:-$ROOT/e2e/app}
  {
    tar -C "$src" --exclude=./node_modules --exclude='./packages/*/node_modules' \
      "${RUNTIME_ONLY[@]/#/--exclude=}" --exclude=./vendor --exclude='./packages/*/dist' --exclude=./.prod --exclude=./dist-types \
      --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - .
    if app_depends_on_plugin "$src"; then cat "$PLUGIN_TARBALL"; fi
  } | sha256sum | cut -d' ' -f1
}

# prepare_backstage_app [SRC_DIR WORK_DIR]: the app's production build in WORK_DIR.
prepare_backstage_app() {
  local src=${1:-$ROOT/e2e/app} work=${2:-$E2E_WORK}
  if app_depends_on_plugin "$src"; then
    [ -f "$PLUGIN_TARBALL" ] || die "no plugin tarball; run scripts/build.sh first"
  fi
  local hash stamp="$work/.inputs-hash" logtag=""
  [ "$work" = "$E2E_WORK" ] || logtag="-$(basename "$work")"
  hash=$(app_inputs_hash "$src")
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -d "$work/.prod" ]; then
    step "Backstage app unchanged since its last build; reusing it (with the current entities and app-config.e2e.yaml)"
    rm -rf "$work/examples"
    tar -C "$src" -cf - "${RUNTIME_ONLY[@]}" | tar -C "$work" -xf -
    return
  fi
  step "Copying the Backstage app (${src#"$ROOT"/}) to ${work#"$ROOT"/}"
  mkdir -p "$work"
  # Keep node_modules and yarn's install state: the next install then only relinks what changed.
  local state="$TOOLS/e2e-install-state.gz"
  [ "$work" = "$E2E_WORK" ] || state="$work.install-state.gz"
  [ -f "$work/.yarn/install-state.gz" ] && mv "$work/.yarn/install-state.gz" "$state"
  find "$work" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name packages -exec rm -rf {} +
  find "$work/packages" -mindepth 2 -maxdepth 2 ! -name node_modules -exec rm -rf {} + 2>/dev/null || true
  tar -C "$src" --exclude=./node_modules --exclude='./packages/*/node_modules' --exclude=./vendor -cf - . |
    tar -C "$work" -xf -
  [ -f "$state" ] && mv "$state" "$work/.yarn/install-state.gz"
  if app_depends_on_plugin "$src"; then
    step "Adding the plugin tarball with the README's install lines, which installs the app too (yarn 4, Node 22; about 2-4 min on a cold cache)"
    logged "yarn-install$logtag" run_readme_install_lines "$work"
  else
    step "Installing the Backstage app (yarn 4, Node 22; about 2-4 min on a cold cache)"
    logged "yarn-install$logtag" app_yarn_in "$work" install
  fi
  step "One copy of each singleton package in the installed app (scripts/lib/singletons.mjs)"
  node "$ROOT/scripts/lib/singletons.mjs" "$work"
  step "Type-checking the Backstage app (yarn tsc)"
  logged "yarn-tsc$logtag" app_yarn_in "$work" tsc
  # CI=true as on the CI machine, where the bundler treats warnings (an import a
  # package does not export, say) as errors: a local run fails where CI would.
  step "Building the Backstage app for production (backstage-cli repo build --all, CI=true)"
  CI=true logged "yarn-build$logtag" app_yarn_in "$work" build:all
  rm -rf "$work/.prod" && mkdir -p "$work/.prod"
  tar xzf "$work/packages/backend/dist/bundle.tar.gz" -C "$work/.prod"
  echo "$hash" >"$stamp"
}

# start_backstage NAME BACKSTAGE_PORT SIM_PORT IDP_PORT [WORK_DIR]: the production backend
# serving the UI, the catalog, the proxy and the OIDC sign-in on loopback. Start the IdP
# first: the backend reads its discovery document once, at start-up. An app's
# app-config.dynamic.yaml (the dynamic-install variant) is loaded last.
start_backstage() {
  local name=$1 port=$2 sim_port=$3 idp_port=$4 work=${5:-$E2E_WORK}
  local configs=(--config app-config.yaml --config app-config.e2e.yaml)
  [ -f "$work/app-config.dynamic.yaml" ] && configs+=(--config app-config.dynamic.yaml)
  if [ -f "$work/examples/console-api.yaml.in" ]; then
    sed "s/@CONDUKTOR_SIM_PORT@/$sim_port/g" "$work/examples/console-api.yaml.in" >"$work/examples/console-api.yaml"
  fi
  # shellcheck disable=SC2016 # node22 runs in the subshell below
  start_background "$name" bash -c 'cd "$1" && BACKSTAGE_PORT=$2 CONDUKTOR_SIM_PORT=$3 E2E_IDP_PORT=$4 NODE_ENV=production \
    exec "$5/bin/node" .prod/packages/backend "${@:6}"' \
    _ "$work" "$port" "$sim_port" "$idp_port" "$NODE22_DIR" "${configs[@]}"
  wait_for_http "http://127.0.0.1:$port/" 120 "$LAST_PID"
}

# start_sim NAME PORT [FLAGS...]
start_sim() {
  local name=$1 port=$2
  shift 2
  start_background "$name" "$ROOT/target/debug/conduktor-sim" --listen "127.0.0.1:$port" "$@"
  wait_for_http "http://127.0.0.1:$port/idp/jwks" 30 "$LAST_PID"
}
