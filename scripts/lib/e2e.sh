# The end-to-end steps, shared by test.sh, e2e.sh and e2e-legacy.sh: a production
# Backstage app, the OpenID Provider and the simulator trusting it, then the Playwright
# tests. Needs common.sh, backstage.sh and idp.sh, the plugin tarball and the simulator binary.

# run_app_e2e_tests SRC_DIR WORK_DIR TAG APP TEST_DIR IDP_PORT SIM_PORT BACKSTAGE_PORT [TEST_FILES...]:
# builds the app in SRC_DIR (working copy WORK_DIR), starts the servers (logs named after
# TAG) and runs TEST_DIR, or the given test files. APP names the app in progress lines.
run_app_e2e_tests() {
  local src=$1 work=$2 tag=$3 app=$4 tests=$5 idp_port=$6 sim_port=$7 backstage_port=$8
  shift 8
  prepare_backstage_app "$src" "$work"
  # A step between the app's build and its start (the dynamic variant installs the plugin here).
  [ -z "${E2E_BEFORE_START:-}" ] || "$E2E_BEFORE_START" "$work"
  install_idp
  npm_ci_when_changed "$ROOT/e2e/tests" "the end-to-end tests' packages (@axe-core/playwright)"
  step "Starting the OpenID Provider (:$idp_port), the simulator trusting it (:$sim_port) and the $app (:$backstage_port)"
  start_idp "idp-$tag" "$idp_port" "$backstage_port" --test-controls
  start_sim "sim-$tag" "$sim_port" --test-controls --issuer "http://127.0.0.1:$idp_port"
  start_backstage "backstage-$tag" "$backstage_port" "$sim_port" "$idp_port" "$work"

  step "End-to-end tests of the $app in headless Chromium (node --test, playwright-core), signing in through the OpenID Provider"
  E2E_BASE_URL="http://127.0.0.1:$backstage_port" E2E_SIM_URL="http://127.0.0.1:$sim_port" \
    E2E_IDP_URL="http://127.0.0.1:$idp_port" E2E_SCREENSHOTS="$ROOT/e2e/artifacts" \
    E2E_SERVER_LOGS="$LOGS/sim-$tag.log:$LOGS/backstage-$tag.log" \
    node --test --test-concurrency=1 "${@:-$tests}"
}

# run_e2e_tests IDP_PORT SIM_PORT BACKSTAGE_PORT [TEST_FILES...]: the new-frontend-system
# app e2e/app (built in .tools/e2e-app), running e2e/tests/.
run_e2e_tests() {
  run_app_e2e_tests "$ROOT/e2e/app" "$E2E_WORK" e2e "production Backstage app" e2e/tests/ "$@"
}

# run_legacy_e2e_tests IDP_PORT SIM_PORT BACKSTAGE_PORT [TEST_FILES...]: the README's
# legacy-frontend-system install in the stock legacy app e2e/legacy-app (built in
# .tools/e2e-legacy-app), running e2e/tests-legacy/.
run_legacy_e2e_tests() {
  run_app_e2e_tests "$ROOT/e2e/legacy-app" "$TOOLS/e2e-legacy-app" e2e-legacy \
    "legacy-frontend-system Backstage app" e2e/tests-legacy/ "$@"
}

# run_dynamic_e2e_tests IDP_PORT SIM_PORT BACKSTAGE_PORT [TEST_FILES...]: the dynamic
# install in e2e/dynamic-app (e2e/app with the files of e2e/dynamic-app laid over it,
# assembled in .tools/e2e-dynamic-app.src, built in .tools/e2e-dynamic-app), running
# e2e/tests-dynamic/. The app has no dependency on the plugin and its build does not
# depend on it: the plugin's dynamic build (scripts/build-dynamic.sh) is unpacked into
# the app's dynamic plugins folder after the app is built, before it starts.
run_dynamic_e2e_tests() {
  local src="$TOOLS/e2e-dynamic-app.src"
  [ -f "$DYNAMIC_PLUGIN_TARBALL" ] || die "no dynamic plugin tarball; run scripts/build-dynamic.sh first"
  rm -rf "$src" && mkdir -p "$src"
  # The seed's card of the time-to-card measurement imports the plugin: not in this app.
  tar -C "$ROOT/e2e/app" --exclude=./node_modules --exclude='./packages/*/node_modules' --exclude=./vendor \
    --exclude='./packages/*/dist' --exclude=./.prod --exclude=./dist-types \
    --exclude=./packages/app/src/modules/timeToCard -cf - . | tar -C "$src" -xf -
  tar -C "$ROOT/e2e/dynamic-app" -cf - . | tar -C "$src" -xf -
  E2E_BEFORE_START=install_dynamic_plugin run_app_e2e_tests "$src" "$TOOLS/e2e-dynamic-app" e2e-dynamic \
    "dynamic-install Backstage app" e2e/tests-dynamic/ "$@"
}

# install_dynamic_plugin WORK_DIR: what an adopter does, after checking that the built
# app knows nothing of the plugin: unpack the dynamic build into dynamicPlugins.rootDirectory.
install_dynamic_plugin() {
  local work=$1 root="$1/dynamic-plugins-root"
  ! app_depends_on_plugin "$work" || die "the dynamic app must not depend on the plugin"
  [ -z "$(find "$work/packages/app/dist" -name '*.wasm')" ] || die "the dynamic app's own bundle holds a .wasm"
  ! grep -rqF conduktor_card_core "$work/packages/app/dist" || die "the dynamic app's own bundle holds the card's core"
  step "Installing the card into the built app's dynamic plugins folder (${root#"$ROOT"/}): unpacking ${DYNAMIC_PLUGIN_TARBALL#"$ROOT"/}"
  rm -rf "$root" && mkdir -p "$root"
  tar xzf "$DYNAMIC_PLUGIN_TARBALL" -C "$root"
  mv "$root/package" "$root/backstage-plugin-conduktor-card"
}

# run_old_e2e_tests IDP_PORT SIM_PORT BACKSTAGE_PORT [TEST_FILES...]: the older end of the
# supported range, a stock Backstage 1.52 new-frontend-system app (e2e/old-app, built in
# .tools/e2e-old-app), running the same e2e/tests/.
run_old_e2e_tests() {
  run_app_e2e_tests "$ROOT/e2e/old-app" "$TOOLS/e2e-old-app" e2e-old \
    "Backstage 1.52 app (new frontend system)" e2e/tests/ "$@"
}

# old_app_test_files: the e2e/tests files the 1.52 new-system app runs (paths from $ROOT):
# all but the 200-change abort storm (70 s, timing-sensitive on a loaded machine) and the
# round counts, which test the core and the shim, not the Backstage release (the 1.55 app
# runs them), and read entities only e2e/app's catalog has.
old_app_test_files() {
  (cd "$ROOT" && find e2e/tests -name '*.test.mjs' ! -name 'storm.test.mjs' ! -name 'rounds.test.mjs' | sort)
}

# run_old_legacy_e2e_tests IDP_PORT SIM_PORT BACKSTAGE_PORT [TEST_FILES...]: a stock
# Backstage 1.52 legacy-frontend-system app (e2e/old-legacy-app, built in
# .tools/e2e-old-legacy-app), running e2e/tests-legacy/.
run_old_legacy_e2e_tests() {
  run_app_e2e_tests "$ROOT/e2e/old-legacy-app" "$TOOLS/e2e-old-legacy-app" e2e-old-legacy \
    "Backstage 1.52 legacy-frontend-system app" e2e/tests-legacy/ "$@"
}
