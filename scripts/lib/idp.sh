# The harness's OpenID Provider (e2e/idp: the npm oidc-provider on loopback), the
# sign-in of the end-to-end tests and the demo. Backstage signs users in through it
# and the Console simulator trusts it, as Console trusts a company's IdP.

install_idp() {
  npm_ci_when_changed "$ROOT/e2e/idp" "the harness's OpenID Provider (oidc-provider)"
}

# start_idp NAME PORT BACKSTAGE_PORT [FLAGS...]: the provider, with Backstage's OIDC
# callback as its client's redirect URI. Node 22: oidc-provider 9 supports LTS 22+.
start_idp() {
  local name=$1 port=$2 backstage_port=$3
  shift 3
  start_background "$name" "$NODE22_DIR/bin/node" "$ROOT/e2e/idp/server.mjs" --port "$port" \
    --redirect-uri "http://127.0.0.1:$backstage_port/api/auth/oidc/handler/frame" "$@"
  wait_for_http "http://127.0.0.1:$port/.well-known/openid-configuration" 30 "$LAST_PID"
}
