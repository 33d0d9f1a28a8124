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
