// The dynamic install, end to end: the stock new-frontend-system app with the backend's
// dynamic feature service and the frontend's dynamic features loader (e2e/dynamic-app),
// no dependency on the plugin, its production build made before the plugin's dynamic
// build was unpacked into dynamicPlugins.rootDirectory. Users sign in through the
// harness's OpenID Provider; the card, the Kafka tab and the wasm core they run come
// from the remote the backend serves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  SCREENSHOTS,
  card,
  cardSettled,
  entityPath,
  jwtClaims,
  kafkaTab,
  kafkaTabSettled,
  kafkaTabTexts,
  launchBrowser,
  openKafkaTabFromCard,
  proxyTokens,
  recordTraffic,
  rowHeaders,
  screenshotCard,
  showSection,
  signIn,
  user,
  visibleTexts,
} from '../tests/browser.mjs';
import { checkLagHealth, checkLagHealthInTab, checkNoAccess } from '../tests/kafkaChecks.mjs';

const PACKAGE = 'backstage-plugin-conduktor-card';
/** Where @backstage/backend-dynamic-feature-service serves the remote's dist/ from. */
const REMOTE_BASE = `${BASE_URL}/.backstage/dynamic-features/remotes/${PACKAGE}/`;

const consoleLines = [];
const failedResponses = [];
const contexts = [];

/** A new browser signed in as `account` on `entity`, every answer recorded from the first request on. */
async function open(account, entity) {
  const context = await launchBrowser();
  contexts.push(context);
  const responses = [];
  context.on('response', response => {
    responses.push(response);
    if (response.status() >= 400) failedResponses.push({ who: account.email, status: response.status(), url: response.url() });
  });
  const session = { context, responses, traffic: recordTraffic(context), page: await context.newPage() };
  await session.page.goto(`${BASE_URL}${entityPath(entity)}`);
  await signIn(session.page, account);
  return session;
}

/** The remotes list, once the backend's start-up hooks have mounted it (the app's own routes answer earlier). */
async function remotesList() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${BASE_URL}/.backstage/dynamic-features/remotes`);
    if (response.headers.get('content-type')?.startsWith('application/json')) return response;
    if (Date.now() > deadline) throw new Error(`the remotes list is not served: ${response.status} ${response.headers.get('content-type')}`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

before(async () => {
  await remotesList();
});

after(async () => {
  await Promise.all(contexts.map(c => c.close()));
});

/**
 * The tab's topics respond to the table's controls: sorting by size both ways and the
 * filter (which topics the simulator has is the static suites' business).
 */
async function checkTopicControls(page) {
  await showSection(page, 'Topics');
  const topics = kafkaTab(page).getByTestId('conduktor-topics');
  const size = topics.getByRole('columnheader', { name: /^Size/ });
  await size.click();
  await topics.locator('[role="columnheader"][aria-sort="ascending"]', { hasText: 'Size' }).waitFor({ timeout: 10_000 });
  await size.click();
  await topics.locator('[role="columnheader"][aria-sort="descending"]', { hasText: 'Size' }).waitFor({ timeout: 10_000 });
  const filter = topics.getByRole('searchbox', { name: 'Filter topics' });
  await filter.fill('refunds');
  await topics.locator('[role="rowheader"]', { hasText: 'payments.orders' }).first().waitFor({ state: 'detached', timeout: 10_000 });
  assert.deepEqual(await rowHeaders(topics), ['payments.refunds']);
  await filter.fill('');
}

test('the backend serves the card from the dynamic plugins folder as a module federation remote', async () => {
  const response = await remotesList();
  assert.equal(response.status, 200);
  const remotes = await response.json();
  assert.deepEqual(
    remotes.map(r => r.packageName),
    [PACKAGE],
    'the one dynamic plugin in the folder',
  );
  const [remote] = remotes;
  assert.equal(remote.remoteInfo.entry, `${REMOTE_BASE}mf-manifest.json`);
  assert.deepEqual(remote.exposedModules, ['.'], 'the package root, whose default export is the plugin');
  const manifest = await (await fetch(remote.remoteInfo.entry)).json();
  assert.equal(manifest.name, remote.remoteInfo.name);
  // React and the router are the app's: the remote provides no copy of its own.
  for (const name of ['react', 'react-dom', 'react-router-dom']) {
    assert.ok(manifest.shared.some(s => s.name === name), `${name} is shared with the app`);
  }
});

test("an annotated entity shows the card with Console's data and links, the core's .wasm fetched from the remote's own URL, and its link opens the Kafka tab, whose topics sort and filter", async () => {
  const { page, traffic, responses } = await open(user.payments, 'payments-api');
  try {
    const c = await cardSettled(page);
    await c.getByText('payments-processor').first().waitFor({ timeout: 60_000 });
    const shown = await visibleTexts(page, ['payments.orders', 'payments.ledger', 'payments-processor', 'click-enricher']);
    assert.deepEqual(shown.sort(), ['payments.orders', 'payments.ledger', 'payments-processor'].sort());
    assert.equal(await c.locator('[data-testid^="conduktor-error"]').count(), 0, 'no error panel');
    await checkLagHealth(page, c);
    await page.screenshot({ path: `${SCREENSHOTS}/dynamic-entity-page.png` });
    await screenshotCard(page, 'dynamic-card');

    // The core: one .wasm, from the remote's folder, served as WebAssembly; the app's
    // own bundle has none, and the plugin's code came from the remote too.
    const wasm = responses.filter(r => new URL(r.url()).pathname.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm fetched: ${wasm.map(r => r.url())}`);
    assert.ok(wasm[0].url().startsWith(REMOTE_BASE), `the .wasm comes from the remote: ${wasm[0].url()}`);
    assert.equal(wasm[0].status(), 200);
    assert.equal((await wasm[0].headerValue('content-type'))?.split(';')[0], 'application/wasm');
    const fromRemote = responses.filter(r => r.url().startsWith(REMOTE_BASE)).map(r => r.url().slice(REMOTE_BASE.length));
    assert.ok(fromRemote.includes('mf-manifest.json') && fromRemote.includes('remoteEntry.js'), `the remote's entry: ${fromRemote}`);
    assert.ok(fromRemote.some(f => /^static\/__federation_expose_/.test(f)), `the exposed module's chunk: ${fromRemote}`);

    // conduktor.consoleUrl (app-config.dynamic.yaml) reached the card: the app let the key
    // through to the frontend because the service added the remote's config schema.
    assert.equal(await c.getByRole('link', { name: /Open Conduktor Console/ }).getAttribute('href'), 'https://conduktor.example.invalid/');
    assert.equal(
      await c.getByRole('link', { name: /^payments\.orders/ }).first().getAttribute('href'),
      'https://conduktor.example.invalid/console/prod-eu/topics/payments.orders',
    );

    // The token the card forwards is the provider's ID token, through the app's binding of the auth ref by its id.
    const tokens = proxyTokens(traffic);
    assert.ok(tokens.length > 0, 'the card called the proxy');
    assert.equal(jwtClaims(tokens[0]).email, user.payments.email);

    await openKafkaTabFromCard(page);
    assert.equal(new URL(page.url()).pathname, `${entityPath('payments-api')}/kafka`);
    const everything = await kafkaTabTexts(page, ['Production EU', 'Staging', 'Dev', 'payments.refunds', 'click.pageviews']);
    assert.deepEqual(everything, ['Production EU', 'Staging', 'payments.refunds']);
    await checkTopicControls(page);
    await checkLagHealthInTab(page);
    await page.screenshot({ path: `${SCREENSHOTS}/dynamic-kafka-tab.png` });
    assert.equal(responses.filter(r => new URL(r.url()).pathname.endsWith('.wasm')).length, 1, 'the core is fetched once per page');
  } finally {
    consoleLines.push(...traffic.console);
  }
});

test('a user in no Conduktor group gets one sentence naming each cluster, on the card and the tab', async () => {
  const { page, traffic } = await open(user.nobody, 'payments-api');
  try {
    const sentence = await checkNoAccess(card(page));
    await page.goto(`${BASE_URL}${entityPath('payments-api')}/kafka`);
    await kafkaTabSettled(page);
    assert.equal(await checkNoAccess(kafkaTab(page)), sentence);
  } finally {
    consoleLines.push(...traffic.console);
  }
});

test("an entity without Conduktor annotations shows the user's clusters on the card and has no Kafka tab", async () => {
  const { page, traffic } = await open(user.payments, 'example-website');
  try {
    const c = await cardSettled(page);
    await c.getByText('Production EU').first().waitFor({ timeout: 60_000 });
    assert.equal(await page.getByRole('tab', { name: 'Kafka' }).count(), 0, 'no Kafka tab');
  } finally {
    consoleLines.push(...traffic.console);
  }
});

test('no console error or React warning from the plugin or its loading', t => {
  const noisy = consoleLines.filter(line => /^(error|warning|pageerror):/.test(line));
  t.diagnostic(`${consoleLines.length} console lines, ${noisy.length} errors or warnings (any source)`);
  for (const line of new Set(noisy)) t.diagnostic(line.slice(0, 300));
  for (const r of failedResponses) t.diagnostic(`${r.status} ${r.url} (${r.who})`);
  const proxyFailures = failedResponses.filter(
    r => r.url.includes('/api/proxy/conduktor') && !(r.status === 403 && r.who === user.nobody.email),
  );
  assert.deepEqual(proxyFailures, [], 'no failed request to the Conduktor proxy route');
  assert.deepEqual(
    failedResponses.filter(r => r.url.includes('/.backstage/dynamic-features/')),
    [],
    "no failed request for the remote's files",
  );
  // The stock app's own warnings (its icons registered as components) are not the plugin's.
  const bad = consoleLines.filter(
    line =>
      /^pageerror:/.test(line) ||
      (/^(error|warning):/.test(line) && (/conduktor|dynamic plugin|federation|\.wasm/i.test(line) || /^\w+: Warning: /.test(line))),
  );
  assert.deepEqual(bad, [], `console lines:\n${consoleLines.join('\n')}`);
});
