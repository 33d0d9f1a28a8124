// What the card says when something goes wrong, and how the user gets back: each
// failure is real (an expired ID token from the OpenID Provider, the Backstage
// proxy's own rejection, faults injected in the simulator) in the production app.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import {
  BASE_URL,
  card,
  cardRoot,
  cardSettled,
  clearSimFaults,
  entityPath,
  jwtClaims,
  loginAtProvider,
  openSignedIn,
  proxyTokens,
  screenshotCard,
  setIdpLifetimes,
  simFault,
  user,
  withFrontendConfig,
} from './browser.mjs';

let context;
let page;
let traffic;

before(async () => {
  ({ context, page, traffic } = await openSignedIn(user.payments, entityPath('example-website')));
  await card(page).getByText('Production EU').waitFor({ timeout: 60_000 });
});

afterEach(async () => {
  await clearSimFaults();
  await setIdpLifetimes({ idToken: 3600, accessToken: 3600 });
});

after(async () => {
  await context?.close();
});

const errorPanel = kind => card(page).getByTestId(`conduktor-error-${kind}`);

async function reloadCard(name = 'example-website') {
  await page.goto(`${BASE_URL}${entityPath(name)}`);
  return cardSettled(page);
}

test('an expired ID token leads to the unauthorized state, and "Sign in again" recovers the card', async () => {
  // The provider's next ID tokens live one second; the access token, which sets the
  // Backstage session's lifetime, still lives an hour, so Backstage keeps the session
  // and hands the card an ID token that expires (the Okta case: ID token 1 h, access
  // token longer). A page load refreshes the session, which gets such a token.
  await setIdpLifetimes({ idToken: 1 });
  await reloadCard();
  const issued = proxyTokens(traffic).at(-1);
  assert.ok(jwtClaims(issued).exp - jwtClaims(issued).iat <= 1, 'the refreshed session holds a short-lived ID token');
  // Beyond the simulator's 5 s leeway, as Console's.
  await page.waitForTimeout(7_000);
  await cardRoot(page).getByRole('button', { name: 'Refresh' }).click();
  await errorPanel('unauthorized').waitFor({ timeout: 60_000 });
  assert.match(await errorPanel('unauthorized').innerText(), /Your sign-in token expired at/);
  await screenshotCard(page, 'state-unauthorized-expired');

  await setIdpLifetimes({ idToken: 3600 });
  await card(page).getByRole('button', { name: 'Sign in again' }).click();
  // The session ended, so Backstage asks to log in to the provider again: its login
  // dialog opens the provider in a popup (which answers at once: the IdP session lives on).
  const login = page.getByRole('dialog').getByRole('button', { name: /log in/i });
  await login.waitFor({ timeout: 30_000 });
  const [popup] = await Promise.all([page.waitForEvent('popup'), login.click()]);
  await loginAtProvider(popup, user.payments);
  await card(page).getByText('Production EU').waitFor({ timeout: 60_000 });
  const fresh = jwtClaims(proxyTokens(traffic).at(-1));
  assert.ok(fresh.exp * 1000 > Date.now() + 60_000, 'the card now forwards a fresh ID token');
  await screenshotCard(page, 'state-unauthorized-recovered');
});

test('a proxy endpoint left with the default credentials shows the proxy-rejected state with the fix', async () => {
  // A second page whose app-config points the card at /conduktor-default-credentials,
  // a real proxy endpoint without `credentials: dangerously-allow-unauthenticated`.
  const other = await context.newPage();
  try {
    await withFrontendConfig(other, { conduktor: { proxyPath: '/conduktor-default-credentials' } });
    await other.goto(`${BASE_URL}${entityPath('example-website')}`);
    const panel = card(other).getByTestId('conduktor-error-proxy-rejected');
    await panel.waitFor({ timeout: 60_000 });
    const text = await panel.innerText();
    assert.match(text, /credentials: dangerously-allow-unauthenticated/);
    assert.match(text, /allowedHeaders: \[Authorization\]/);
    await screenshotCard(other, 'state-proxy-rejected');
  } finally {
    await other.close();
  }
});

const FAULTS = [
  { name: 'an HTML 502 from a gateway', kind: 'server', fault: { status: 502, body: 'html' }, text: /unavailable/i },
  { name: 'a 429 with Retry-After', kind: 'rate-limited', fault: { status: 429, retryAfter: '30' }, text: /30 s|30 seconds|rate limit/i },
];

for (const { name, kind, fault, text } of FAULTS) {
  test(`${name} leads to the ${kind} state, and "Try again" recovers`, async () => {
    await simFault({ path: '/console/v2/kafka-cluster', count: 1000, ...fault });
    await reloadCard();
    await errorPanel(kind).waitFor({ timeout: 60_000 });
    assert.match(await card(page).innerText(), text);
    await screenshotCard(page, `state-${kind}`);
    await clearSimFaults();
    await card(page).getByRole('button', { name: 'Try again' }).click();
    await card(page).getByText('Production EU').waitFor({ timeout: 60_000 });
  });
}

test('a Console that does not answer in time leads to the timeout state, and "Try again" recovers', async () => {
  // A 3 s timeout (app-config conduktor.requestTimeoutMs) instead of the default 15 s keeps the test short.
  const other = await context.newPage();
  try {
    await withFrontendConfig(other, { conduktor: { requestTimeoutMs: 3000 } });
    await simFault({ path: '/console/v2/kafka-cluster', count: 1, delayMs: 6000 });
    await other.goto(`${BASE_URL}${entityPath('example-website')}`);
    const panel = card(other).getByTestId('conduktor-error-timeout');
    await panel.waitFor({ timeout: 60_000 });
    await screenshotCard(other, 'state-timeout');
    await card(other).getByRole('button', { name: 'Try again' }).click();
    await card(other).getByText('Production EU').waitFor({ timeout: 60_000 });
  } finally {
    await other.close();
  }
});

test('one cluster refused while the other loads gives a partial result', async () => {
  await simFault({ path: '/v1/clusters/staging/', count: 1000, status: 403 });
  const c = await reloadCard('orders-replicator');
  const problems = c.getByTestId('conduktor-problems');
  await problems.waitFor({ timeout: 60_000 });
  // Grouped by cluster and collapsed on the card: the refused cluster is named, its notes open on demand.
  assert.match(await problems.innerText(), /Not everything could be shown \(staging\)/);
  const staging = problems.getByRole('button', { name: /Cluster staging/ });
  assert.equal(await staging.getAttribute('aria-expanded'), 'false');
  await staging.click();
  await problems.locator('[aria-expanded="true"]').waitFor({ timeout: 10_000 });
  assert.match(await problems.innerText(), /payments\.orders[\s\S]*403/);
  // prod-eu's payments.orders is listed; staging's (captioned "staging · …") is not.
  const rows = c.locator('tr', { hasText: 'payments.orders' });
  assert.equal(await rows.count(), 1, 'one payments.orders row');
  assert.match(await rows.first().innerText(), /prod-eu/);
  assert.equal(await c.locator('[data-testid^="conduktor-error"]').count(), 0, 'no error panel for the whole card');
  await screenshotCard(page, 'state-partial');
});
