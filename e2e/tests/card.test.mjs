// End to end in a real Backstage app (production build, real proxy-backend, real
// OIDC sign-in) and a real browser: a payments developer signs in through the
// harness's OpenID Provider and the card shows what Console's RBAC gives her.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  IDP_URL,
  SCREENSHOTS,
  SIM_URL,
  card,
  entityPath,
  jwtClaims,
  kafkaTabSettled,
  kafkaTabTexts,
  openSignedIn,
  proxyTokens,
  screenshotCard,
  user,
} from './browser.mjs';

const SECRET_MARKER = 'SIM-SECRET';

let context;
let page;
let traffic;

before(async () => {
  ({ context, page, traffic } = await openSignedIn(user.payments, entityPath('payments-api')));
});

after(async () => {
  await context?.close();
});

test("the card shows what the entity's annotations name, as Console's RBAC lets the user see it", async () => {
  // payments-developers maps to Console's team-payments: prod-eu and staging, not dev.
  const c = card(page);
  await c.getByText('payments-processor').first().waitFor({ timeout: 60_000 });
  for (const text of ['payments.orders', 'payments.ledger', 'payments-processor', 'Payments']) {
    assert.ok(await c.getByText(text, { exact: true }).first().isVisible(), `"${text}" is shown`);
  }
  for (const hidden of ['Dev', 'click.pageviews', 'click-enricher']) {
    assert.equal(await c.getByText(hidden, { exact: true }).count(), 0, `"${hidden}" is not shown`);
  }
  await screenshotCard(page, 'card');
  await page.screenshot({ path: `${SCREENSHOTS}/entity-page.png` });

  // The tab has the rest: both clusters, every topic with its retention.
  await page.goto(`${BASE_URL}${entityPath('payments-api')}/kafka`);
  await kafkaTabSettled(page);
  const shown = await kafkaTabTexts(page, ['Production EU', 'Staging', 'Dev', 'payments.refunds', '7 d', 'click.pageviews']);
  assert.deepEqual(shown, ['Production EU', 'Staging', 'payments.refunds', '7 d']);
  await page.goto(`${BASE_URL}${entityPath('payments-api')}`);
});

test('the token the card forwards is the ID token the OpenID Provider issued, with email and groups', () => {
  const tokens = proxyTokens(traffic);
  assert.ok(tokens.length >= 4, 'the card asked for clusters, topics, groups and the application');
  const claims = jwtClaims(tokens[0]);
  assert.equal(claims.iss, IDP_URL);
  assert.equal(claims.aud, 'backstage');
  assert.equal(claims.email, user.payments.email);
  assert.deepEqual(claims.groups, user.payments.groups);
});

test('the request went through the Backstage proxy with the token only in the Authorization header', () => {
  const calls = traffic.requests.filter(r => r.url.includes('/api/proxy/conduktor/'));
  for (const call of calls) {
    assert.match(call.url, /\/api\/proxy\/conduktor\/public\/(console|v1|self-serve)\//);
    assert.match(call.headers.authorization ?? '', /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  }
  for (const token of new Set(proxyTokens(traffic))) {
    for (const request of traffic.requests) {
      assert.ok(!request.url.includes(token), `the token appears in a URL: ${request.url}`);
    }
    assert.ok(!traffic.console.some(line => line.includes(token)), 'the token appears in the console');
  }
});

test("Console (the simulator) validated the provider's token with the provider's own keys", async () => {
  const auth = await (await fetch(`${SIM_URL}/sim/auth`)).json();
  assert.equal(auth.issuer, IDP_URL);
  assert.equal(auth.keySource, "OIDC discovery and JWKS");
  assert.ok(auth.jwksFetches >= 1, `the simulator fetched the provider's JWKS: ${JSON.stringify(auth)}`);
  const log = await (await fetch(`${SIM_URL}/sim/requests`)).json();
  const calls = log.filter(r => r.path === '/api/public/console/v2/kafka-cluster' && r.user === user.payments.email);
  assert.ok(calls.length >= 1, 'the proxy forwarded the request to /api');
  for (const call of calls) {
    assert.equal(call.status, 200);
    assert.match(call.tokenFingerprint, /^[0-9a-f]{16}$/);
  }
  const users = await (await fetch(`${SIM_URL}/sim/users`)).json();
  const priya = users.find(u => u.username === user.payments.email);
  assert.deepEqual(priya?.groups, user.payments.groups);
});

test('no credential from the cluster resources reaches the page', async () => {
  const html = await page.content();
  assert.ok(!html.includes(SECRET_MARKER), 'a planted secret is in the page');
  assert.ok(!html.includes('sasl.jaas.config'), 'cluster properties are in the page');
  assert.ok(!traffic.console.some(line => line.includes(SECRET_MARKER)), 'a planted secret is in the console');
});

test('the wasm core was served by the app as an asset with the wasm content type', async () => {
  const wasm = traffic.requests.find(r => r.url.endsWith('.wasm'));
  assert.ok(wasm, 'the page loaded a .wasm file');
  const response = await page.request.get(wasm.url);
  assert.equal(response.headers()['content-type'], 'application/wasm');
});

test('an entity without Conduktor annotations shows the clusters the user may see', async () => {
  await page.goto(`${BASE_URL}${entityPath('example-website')}`);
  const c = card(page);
  await c.getByText('Production EU').waitFor({ timeout: 60_000 });
  assert.ok(await c.getByText('Staging', { exact: true }).isVisible());
  assert.equal(await c.getByText('Dev', { exact: true }).count(), 0);
  assert.equal(await c.getByText('payments.orders', { exact: true }).count(), 0);
});

