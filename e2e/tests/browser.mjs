// Headless Debian Chromium through playwright-core (no browser download), and the
// harness's sign-in: through the OpenID Provider's login page, as a person would.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { USERS } from '../idp/users.mjs';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:27007';
export const SIM_URL = process.env.E2E_SIM_URL ?? 'http://127.0.0.1:28918';
export const IDP_URL = process.env.E2E_IDP_URL ?? 'http://127.0.0.1:28920';
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? 'e2e/artifacts';
mkdirSync(SCREENSHOTS, { recursive: true });

/** The provider's accounts by role (e2e/idp/users.mjs). */
export const user = {
  payments: USERS.find(u => u.groups.includes('payments-developers')),
  analytics: USERS.find(u => u.groups.some(g => /^analytics-.+$/.test(g))),
  nobody: USERS.find(u => u.groups.includes('marketing')),
  admin: USERS.find(u => u.groups.includes('conduktor-admins')),
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser profile: no Backstage session, no IdP session. */
export async function launchBrowser() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'conduktor-e2e-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
  });
}

/**
 * Records what every page of the context does (the app and the IdP's login popup)
 * that a test may want to check for leaks, and which requests are still in flight.
 */
export function recordTraffic(context) {
  const traffic = { requests: [], console: [], pending: new Set() };
  const watch = page => {
    page.on('console', message => traffic.console.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', error => traffic.console.push(`pageerror: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  context.on('request', request => {
    traffic.requests.push({ url: request.url(), method: request.method(), headers: request.headers(), request });
    traffic.pending.add(request);
  });
  context.on('requestfinished', request => traffic.pending.delete(request));
  context.on('requestfailed', request => traffic.pending.delete(request));
  return traffic;
}

/** Fills the provider's login page (in the popup Backstage opened) and waits for the popup to close. */
export async function loginAtProvider(popup, { email, password }) {
  // With a live IdP session the provider answers at once and the popup closes by itself.
  const closed = popup.isClosed() ? Promise.resolve() : popup.waitForEvent('close', { timeout: 60_000 });
  const emailField = popup.getByLabel('Email');
  const form = await emailField.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  if (form && !popup.isClosed()) {
    await emailField.fill(email);
    await popup.getByLabel('Password').fill(password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
  }
  await closed;
}

/** Backstage's sign-in page: "Sign In" opens the provider's login page in a popup. */
export async function signIn(page, account) {
  const button = page.getByRole('button', { name: /^sign in$/i });
  await button.waitFor({ timeout: 60_000 });
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  await loginAtProvider(popup, account);
}

/** A new browser signed in as `account`, on `path`. */
export async function openSignedIn(account, path) {
  const context = await launchBrowser();
  const traffic = recordTraffic(context);
  const page = await context.newPage();
  await page.goto(`${BASE_URL}${path}`);
  await signIn(page, account);
  return { context, page, traffic };
}

export const entityPath = name => `/catalog/default/component/${name}`;

export function card(page) {
  return page.getByTestId('conduktor-card');
}

/** Waits until the card has settled: loaded, empty, refused or an error panel. */
export async function cardSettled(page) {
  const c = card(page);
  await c
    .locator(
      '[data-testid="conduktor-headline"], [data-testid="conduktor-empty"], [data-testid^="conduktor-error"], [data-testid="conduktor-no-access"]',
    )
    .first()
    .waitFor({ timeout: 60_000 });
  return c;
}

/** The whole card: a Backstage UI card with the title, Refresh, content and footer. */
export function cardRoot(page) {
  return card(page);
}

export async function screenshotCard(page, name) {
  const root = cardRoot(page);
  await root.scrollIntoViewIfNeeded();
  await root.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/** Which of `texts` the card shows exactly, for set comparisons. */
export async function visibleTexts(page, texts) {
  return textsIn(card(page), texts);
}

async function textsIn(scope, texts) {
  const shown = [];
  for (const text of texts) {
    if ((await scope.getByText(text, { exact: true }).count()) > 0) shown.push(text);
  }
  return shown;
}

// The Kafka tab (entity-content:conduktor/kafka, or the legacy EntityLayout.Route).

export function kafkaTab(page) {
  return page.getByTestId('conduktor-content');
}

/** Opens the Kafka tab the way a person does: the card's link to it. */
export async function openKafkaTabFromCard(page) {
  await cardSettled(page);
  await card(page).getByRole('link', { name: /Everything in the Kafka tab/ }).click();
  await page.waitForURL(/\/kafka$/, { timeout: 30_000 });
  await kafkaTabSettled(page);
}

export async function kafkaTabSettled(page) {
  const tab = kafkaTab(page);
  await tab
    .locator('[role="tablist"], [data-testid="conduktor-no-access"], [data-testid^="conduktor-error"], [data-testid="conduktor-empty"]')
    .first()
    .waitFor({ timeout: 60_000 });
  return tab;
}

/** Selects one of the tab's sections ("Topics", "Consumer groups", "Applications", "Clusters"). */
export async function showSection(page, name) {
  const tab = kafkaTab(page).getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab.click();
  await kafkaTab(page).locator('[role="tab"][aria-selected="true"]', { hasText: name }).waitFor({ timeout: 10_000 });
}

/** Which of `texts` any section of the tab shows: each section is selected in turn. */
export async function kafkaTabTexts(page, texts) {
  const shown = new Set();
  for (const section of ['Topics', 'Consumer groups', 'Applications', 'Clusters']) {
    await showSection(page, section);
    for (const text of await textsIn(kafkaTab(page).getByRole('tabpanel'), texts)) shown.add(text);
  }
  return texts.filter(text => shown.has(text));
}

/** The name in the first cell (row header) of each row of a table section, in order. */
export async function rowHeaders(section) {
  return section.locator('[role="rowheader"]').evaluateAll(cells => cells.map(c => c.innerText.split('\n')[0].trim()));
}

/**
 * Loads the app with extra frontend configuration, the way app-config would give
 * it: appended to the config the backend injects into index.html.
 */
export async function withFrontendConfig(page, data) {
  await page.route(url => url.origin === new URL(BASE_URL).origin && !url.pathname.startsWith('/api/') && !/\.\w+$/.test(url.pathname), async route => {
    const response = await route.fetch();
    const html = await response.text();
    const patched = html.replace(
      /(<script type="backstage.io\/config">)([\s\S]*?)(<\/script>)/,
      (_m, open, json, close) => `${open}${JSON.stringify([...JSON.parse(json), { context: 'e2e-test', data }])}${close}`,
    );
    await route.fulfill({ response, body: patched });
  });
}

// The simulator's and the provider's test controls.
export async function simFault(fault) {
  const response = await fetch(`${SIM_URL}/sim/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`POST /sim/faults answered ${response.status}: ${await response.text()}`);
}

export async function clearSimFaults() {
  await fetch(`${SIM_URL}/sim/faults`, { method: 'DELETE' });
}

export async function simRequests() {
  return (await fetch(`${SIM_URL}/sim/requests`)).json();
}

export async function clearSimRequests() {
  await fetch(`${SIM_URL}/sim/requests`, { method: 'DELETE' });
}

export async function setIdpLifetimes(lifetimes) {
  const response = await fetch(`${IDP_URL}/harness/ttl`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(lifetimes),
  });
  if (!response.ok) throw new Error(`POST /harness/ttl answered ${response.status}`);
}

/** The claims of a JWT, decoded without verification (the tests' own check of what travelled). */
export function jwtClaims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/** The bearer tokens the page sent to the Conduktor proxy endpoint. */
export function proxyTokens(traffic) {
  return traffic.requests
    .filter(r => r.url.includes('/api/proxy/conduktor'))
    .map(r => (r.headers.authorization ?? '').replace(/^Bearer /, ''))
    .filter(Boolean);
}
