// End to end in a real Backstage app (production build, real proxy-backend) and a
// real browser: the card shows the simulator's clusters on an entity page.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launchBrowser, recordTraffic, signInAsGuest } from './browser.mjs';

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:27007';
const SIM_URL = process.env.E2E_SIM_URL ?? 'http://127.0.0.1:28918';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? 'e2e/artifacts';
const SECRET_MARKER = 'SIM-SECRET';

let context;
let page;
let traffic;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await launchBrowser();
  page = await context.newPage();
  traffic = recordTraffic(page);
  await page.goto(`${BASE_URL}/catalog/default/component/payments-api`);
  await signInAsGuest(page);
});

after(async () => {
  await context?.close();
});

test("the card shows what the entity's annotations name, as Console's RBAC lets the user see it", async () => {
  // The harness signs in developer@example.com in the IdP group payments-developers,
  // which the simulator maps to Console's team-payments: prod-eu and staging, not dev.
  const card = page.getByTestId('conduktor-card');
  await card.getByText('payments-processor').first().waitFor({ timeout: 60_000 });
  for (const text of ['Production EU', 'Staging', 'payments.orders', 'payments.ledger', 'payments-processor', 'Payments', '7 d']) {
    assert.ok(await card.getByText(text, { exact: true }).first().isVisible(), `"${text}" is shown`);
  }
  for (const hidden of ['Dev', 'click.pageviews', 'click-enricher']) {
    assert.equal(await card.getByText(hidden, { exact: true }).count(), 0, `"${hidden}" is not shown`);
  }
  const infoCard = card.locator('xpath=ancestor::div[contains(@class, "MuiCard-root")][1]');
  await infoCard.scrollIntoViewIfNeeded();
  await infoCard.screenshot({ path: `${SCREENSHOTS}/card.png` });
  await page.screenshot({ path: `${SCREENSHOTS}/entity-page.png` });
});

test('the request went through the Backstage proxy with the token only in the Authorization header', () => {
  const calls = traffic.requests.filter(r => r.url.includes('/api/proxy/conduktor/'));
  assert.ok(calls.length >= 4, 'the card asked for clusters, topics, groups and the application');
  for (const call of calls) {
    assert.match(call.url, /\/api\/proxy\/conduktor\/public\/(console|v1|self-serve)\//);
    assert.match(call.headers.authorization ?? '', /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const token = call.headers.authorization.slice('Bearer '.length);
    for (const request of traffic.requests) {
      assert.ok(!request.url.includes(token), `the token appears in a URL: ${request.url}`);
    }
    assert.ok(!traffic.console.some(line => line.includes(token)), 'the token appears in the console');
  }
});

test('Console (the simulator) received the user\'s token through the proxy and authenticated the user', async () => {
  const log = await (await fetch(`${SIM_URL}/sim/requests`)).json();
  const calls = log.filter(r => r.path === '/api/public/console/v2/kafka-cluster');
  assert.ok(calls.length >= 1, 'the proxy forwarded the request to /api');
  for (const call of calls) {
    assert.equal(call.status, 200);
    assert.equal(call.user, 'developer@example.com');
    assert.match(call.tokenFingerprint, /^[0-9a-f]{16}$/);
  }
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
  await page.goto(`${BASE_URL}/catalog/default/component/example-website`);
  const card = page.getByTestId('conduktor-card');
  await card.getByText('Production EU').waitFor({ timeout: 60_000 });
  assert.ok(await card.getByText('Staging', { exact: true }).isVisible());
  assert.equal(await card.getByText('Dev', { exact: true }).count(), 0);
  assert.equal(await card.getByText('payments.orders', { exact: true }).count(), 0);
});
