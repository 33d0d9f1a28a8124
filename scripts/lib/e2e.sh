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
