// The README's legacy-frontend-system install, end to end: a stock legacy app
// (e2e/legacy-app, @backstage/create-app --legacy) with the plugin added as the
// README says (apis.ts binding, the card in half the overview inside an EntitySwitch
// with isConduktorAvailable, the Kafka tab as an EntityLayout.Route, the proxy
// block), in its production build, with users signing in through the harness's
// OpenID Provider.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  BASE_URL,
  SCREENSHOTS,
  card,
  cardSettled,
  entityPath,
  kafkaTab,
  kafkaTabSettled,
  kafkaTabTexts,
  launchBrowser,
  openKafkaTabFromCard,
  recordTraffic,
  screenshotCard,
  signIn,
  user,
  visibleTexts,
} from '../tests/browser.mjs';
import {
  checkAccessibility,
  checkLagHealth,
  checkLagHealthInTab,
  checkNoAccess,
  checkSortAndFilter,
  horizontalClipping,
} from '../tests/kafkaChecks.mjs';

// Everything the browser's consoles said, and every answer of 400 or more, over all
// the tests of this file.
const consoleLines = [];
const failedResponses = [];
const contexts = [];

/** openSignedIn's steps, watching the answers from the first request on. */
async function open(account, entity) {
  const context = await launchBrowser();
  contexts.push(context);
  context.on('response', response => {
    if (response.status() >= 400) failedResponses.push({ who: account.email, status: response.status(), url: response.url() });
  });
  const session = { context, traffic: recordTraffic(context), page: await context.newPage() };
  await session.page.goto(`${BASE_URL}${entityPath(entity)}`);
  await signIn(session.page, account);
  // The legacy overview scrolls inside the page, which element screenshots below the
  // fold get wrong: a viewport tall enough for the whole grid.
  await session.page.setViewportSize({ width: 1400, height: 2000 });
  return session;
}

after(async () => {
  await Promise.all(contexts.map(c => c.close()));
});

test('an annotated entity shows the card in half the overview, uncut, and its link opens the Kafka tab, whose topics sort and filter', async () => {
  const { page, traffic } = await open(user.payments, 'payments-api');
  try {
    const c = await cardSettled(page);
    await c.getByText('payments-processor').first().waitFor({ timeout: 60_000 });
    const shown = await visibleTexts(page, ['payments.orders', 'payments.ledger', 'payments-processor', 'click-enricher']);
    assert.deepEqual(shown.sort(), ['payments.orders', 'payments.ledger', 'payments-processor'].sort());
    assert.equal(await c.locator('[data-testid^="conduktor-error"]').count(), 0, 'no error panel');
    await checkLagHealth(page, c);
    // The card sits in the overview grid beside the stock cards, in half its width (md={6}).
    assert.ok(await page.getByText('About', { exact: true }).first().isVisible(), 'the About card is shown');
    const layout = await horizontalClipping(c);
    console.log(`card at md={6}: ${Math.round(layout.width)} x ${Math.round(layout.height)} px`);
    assert.ok(layout.width > 450 && layout.width < 700, `half the overview: ${layout.width} px wide`);
    assert.deepEqual(layout.clipped, [], 'nothing of the card is cut off or scrolls sideways');
    await page.screenshot({ path: `${SCREENSHOTS}/legacy-entity-page.png` });
    await screenshotCard(page, 'legacy-card');

    await openKafkaTabFromCard(page);
    assert.equal(new URL(page.url()).pathname, `${entityPath('payments-api')}/kafka`);
    assert.ok(await page.getByRole('tab', { name: 'Kafka' }).first().isVisible(), "the entity page's Kafka tab");
    const everything = await kafkaTabTexts(page, ['Production EU', 'Staging', 'Dev', 'payments.refunds', 'click.pageviews']);
    assert.deepEqual(everything, ['Production EU', 'Staging', 'payments.refunds']);
    await checkSortAndFilter(page);
    await checkLagHealthInTab(page);
    await page.screenshot({ path: `${SCREENSHOTS}/legacy-kafka-tab.png` });
  } finally {
    consoleLines.push(...traffic.console);
  }
});

test('a user in no Conduktor group gets one sentence naming each cluster, on the card and the tab, not an error', async () => {
  const { page, traffic } = await open(user.nobody, 'payments-api');
  try {
    const sentence = await checkNoAccess(card(page));
    await screenshotCard(page, 'legacy-no-access');
    await page.goto(`${BASE_URL}${entityPath('payments-api')}/kafka`);
    await kafkaTabSettled(page);
    assert.equal(await checkNoAccess(kafkaTab(page)), sentence);
  } finally {
    consoleLines.push(...traffic.console);
  }
});

for (const theme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation on the card and the tab (${theme} theme)`, async () => {
    const { page, traffic } = await open(user.payments, 'payments-api');
    try {
      await checkAccessibility(page, `${BASE_URL}${entityPath('payments-api')}`, theme);
    } finally {
      consoleLines.push(...traffic.console);
    }
  });
}

test("an entity without Conduktor annotations has no card and no Kafka tab, as the README's EntitySwitch and route say", async () => {
  const { page, traffic } = await open(user.payments, 'example-website');
  try {
    await page.getByText('About', { exact: true }).first().waitFor({ timeout: 60_000 });
    // The overview has rendered its cards (the links card comes after the Conduktor slot).
    await page.getByText('Links', { exact: true }).first().waitFor({ timeout: 60_000 });
    assert.equal(await card(page).count(), 0, 'no Conduktor card');
    assert.equal(await page.getByText('Conduktor', { exact: true }).count(), 0, 'no Conduktor title');
    assert.equal(await page.getByRole('tab', { name: 'Kafka' }).count(), 0, 'no Kafka tab');
  } finally {
    consoleLines.push(...traffic.console);
  }
});

test('no console error or React warning from the plugin', t => {
  const noisy = consoleLines.filter(line => /^(error|warning|pageerror):/.test(line));
  t.diagnostic(`${consoleLines.length} console lines, ${noisy.length} errors or warnings (any source)`);
  for (const line of new Set(noisy)) t.diagnostic(line.slice(0, 300));
  for (const r of failedResponses) t.diagnostic(`${r.status} ${r.url} (${r.who})`);
  // Console's own refusals of what nina may not see are answers, not errors; anything
  // else from the proxy route would be the plugin's or the install's fault.
  const proxyFailures = failedResponses.filter(
    r => r.url.includes('/api/proxy/conduktor') && !(r.status === 403 && r.who === user.nobody.email),
  );
  assert.deepEqual(proxyFailures, [], 'no failed request to the Conduktor proxy route');
  const bad = consoleLines.filter(
    line =>
      /^pageerror:/.test(line) ||
      // React's warnings read 'Warning: …' after the level; matched case-sensitively, or every
      // 'warning:' line (Backstage's own, such as a signals WebSocket closed on navigation) would count.
      (/^(error|warning):/.test(line) && (/conduktor|React/i.test(line) || line.includes('Warning: '))),
  );
  assert.deepEqual(bad, [], `console lines:\n${consoleLines.join('\n')}`);
});
