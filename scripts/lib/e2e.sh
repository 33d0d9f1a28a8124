# The end-to-end step, shared by test.sh and e2e.sh: the production Backstage app,
# the OpenID Provider and the simulator trusting it, then the Playwright tests.
# Needs common.sh, backstage.sh and idp.sh, the plugin tarball and the simulator binary.

# run_e2e_tests IDP_PORT SIM_PORT BACKSTAGE_PORT [TEST_FILES...]
run_e2e_tests() {
  local idp_port=$1 sim_port=$2 backstage_port=$3
  shift 3
  prepare_backstage_app
  install_idp
  npm_ci_when_changed "$ROOT/e2e/tests" "the end-to-end tests' packages (@axe-core/playwright)"
  step "Starting the OpenID Provider (:$idp_port), the simulator trusting it (:$sim_port) and the production Backstage app (:$backstage_port)"
  start_idp idp-e2e "$idp_port" "$backstage_port" --test-controls
  start_sim sim-e2e "$sim_port" --test-controls --issuer "http://127.0.0.1:$idp_port"
  start_backstage backstage-e2e "$backstage_port" "$sim_port" "$idp_port"

  step "End-to-end tests in headless Chromium (node --test, playwright-core), signing in through the OpenID Provider"
  E2E_BASE_URL="http://127.0.0.1:$backstage_port" E2E_SIM_URL="http://127.0.0.1:$sim_port" \
    E2E_IDP_URL="http://127.0.0.1:$idp_port" E2E_SCREENSHOTS="$ROOT/e2e/artifacts" \
    E2E_SERVER_LOGS="$LOGS/sim-e2e.log:$LOGS/backstage-e2e.log" \
    node --test --test-concurrency=1 "${@:-e2e/tests/}"
}

# run_legacy_e2e_tests IDP_PORT SIM_PORT BACKSTAGE_PORT [TEST_FILES...]: the same for the
# README's legacy-frontend-system install, in the stock legacy app e2e/legacy-app
# (built in .tools/e2e-legacy-app), running e2e/tests-legacy/.
run_legacy_e2e_tests() {
  local idp_port=$1 sim_port=$2 backstage_port=$3 work="$TOOLS/e2e-legacy-app"
  shift 3
  prepare_backstage_app "$ROOT/e2e/legacy-app" "$work"
  install_idp
  npm_ci_when_changed "$ROOT/e2e/tests" "the end-to-end tests' packages (@axe-core/playwright)"
  step "Starting the OpenID Provider (:$idp_port), the simulator trusting it (:$sim_port) and the legacy-frontend-system Backstage app (:$backstage_port)"
  start_idp idp-e2e-legacy "$idp_port" "$backstage_port"
  start_sim sim-e2e-legacy "$sim_port" --issuer "http://127.0.0.1:$idp_port"
  start_backstage backstage-e2e-legacy "$backstage_port" "$sim_port" "$idp_port" "$work"

  step "Legacy-frontend-system end-to-end tests in headless Chromium, signing in through the OpenID Provider"
  E2E_BASE_URL="http://127.0.0.1:$backstage_port" E2E_SIM_URL="http://127.0.0.1:$sim_port" \
    E2E_IDP_URL="http://127.0.0.1:$idp_port" E2E_SCREENSHOTS="$ROOT/e2e/artifacts" \
    node --test --test-concurrency=1 "${@:-e2e/tests-legacy/}"
}
