// The Kafka tab and the card's summary in the new-frontend-system app: the card links
// to the tab, whose tables sort, filter and page; lag health in words and icons; one
// no-access sentence for the user without a Conduktor group; keyboard use; axe on
// card and tab in both themes; the card never cut off at the side.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  SCREENSHOTS,
  card,
  cardSettled,
  entityPath,
  kafkaTab,
  kafkaTabSettled,
  openKafkaTabFromCard,
  openSignedIn,
  screenshotCard,
  showSection,
  user,
} from './browser.mjs';
import {
  checkAccessibility,
  checkLagHealth,
  checkLagHealthInTab,
  checkNoAccess,
  checkSortAndFilter,
  horizontalClipping,
  useTheme,
} from './kafkaChecks.mjs';

const PAYMENTS_API = `${BASE_URL}${entityPath('payments-api')}`;
let session;

before(async () => {
  session = await openSignedIn(user.payments, entityPath('payments-api'));
});

after(async () => {
  await session?.context.close();
});

test("the card sums up payments-api in its header and links to the Kafka tab, whose topics sort and filter", async () => {
  const { page } = session;
  await cardSettled(page);
  // Five topics: payments.chargebacks is one Console has not indexed yet (a NotIndexedTopic).
  assert.match(await card(page).getByTestId('conduktor-headline').innerText(), /2 clusters · 5 topics · 2 consumer groups · 1 application/);
  await checkLagHealth(page, card(page));
  const layout = await horizontalClipping(card(page));
  assert.deepEqual(layout.clipped, [], 'nothing of the card is cut off or scrolls sideways');
  console.log(`card on the new-system overview: ${Math.round(layout.width)} x ${Math.round(layout.height)} px`);
  await screenshotCard(page, 'summary-card');

  await openKafkaTabFromCard(page);
  assert.equal(new URL(page.url()).pathname, `${entityPath('payments-api')}/kafka`);
  await checkSortAndFilter(page);
  await page.screenshot({ path: `${SCREENSHOTS}/kafka-tab.png` });
});

test('a topic Console has not indexed yet is listed by name as "not indexed yet", without metrics', async () => {
  const { page } = session;
  await page.goto(`${PAYMENTS_API}/kafka`);
  await kafkaTabSettled(page);
  await showSection(page, 'Topics');
  const row = kafkaTab(page).getByRole('row').filter({ hasText: 'payments.chargebacks' });
  await row.waitFor({ timeout: 10_000 });
  const text = await row.innerText();
  assert.match(text, /prod-eu · not indexed yet/);
  assert.doesNotMatch(text, /\d+(\.\d+)? (B|KiB|MiB|GiB)/, 'no size, since Console has no metrics for it');
});

test('the tab shows the lagging consumer group as an error, worst first, and the healthy one as OK', async () => {
  const { page } = session;
  await page.goto(`${PAYMENTS_API}/kafka`);
  await kafkaTabSettled(page);
  await checkLagHealthInTab(page);
  await kafkaTab(page).screenshot({ path: `${SCREENSHOTS}/kafka-tab-consumer-groups.png` });
});

test('the tab works from the keyboard: Tab reaches the sections, arrows move between them, Enter opens one and sorts a column', async () => {
  const { page } = session;
  await page.goto(`${PAYMENTS_API}/kafka`);
  await kafkaTabSettled(page);
  const selected = name => kafkaTab(page).locator('[role="tab"][aria-selected="true"]', { hasText: name }).waitFor({ timeout: 10_000 });
  await kafkaTab(page).getByRole('button', { name: 'Refresh' }).focus();
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /^Topics/, 'Tab from Refresh reaches the sections');
  // Backstage UI's tabs activate manually: arrows move the focus, Enter opens.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await selected('Consumer groups');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await selected('Clusters');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await selected('Topics');
  const records = kafkaTab(page).getByTestId('conduktor-topics').getByRole('columnheader', { name: /^Records/ });
  await records.focus();
  await page.keyboard.press('Enter');
  await kafkaTab(page).locator('[role="columnheader"][aria-sort="ascending"]', { hasText: 'Records' }).waitFor({ timeout: 10_000 });
  // Every link, button, tab and field of the tab has an accessible name.
  const unnamed = await kafkaTab(page).locator('a, button, [role="tab"], input').evaluateAll(els =>
    els.filter(el => !(el.getAttribute('aria-label') || el.textContent.trim() || el.getAttribute('aria-labelledby'))).map(el => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, [], 'controls without an accessible name');
});

test("a user without a Conduktor group gets one sentence naming each cluster and what was asked there, on the card and the tab", async () => {
  const nina = await openSignedIn(user.nobody, entityPath('payments-api'));
  try {
    const sentence = await checkNoAccess(card(nina.page));
    console.log(`no-access summary: ${sentence}`);
    await screenshotCard(nina.page, 'no-access-card');
    await nina.page.goto(`${PAYMENTS_API}/kafka`);
    await kafkaTabSettled(nina.page);
    assert.equal(await checkNoAccess(kafkaTab(nina.page)), sentence, 'the tab says the same');
  } finally {
    await nina.context.close();
  }
});

test('an entity without Conduktor annotations offers no Kafka tab', async () => {
  const { page } = session;
  await page.goto(`${BASE_URL}${entityPath('example-website')}`);
  await cardSettled(page);
  assert.equal(await page.getByRole('tab', { name: 'Kafka', exact: true }).count() + (await page.getByRole('link', { name: 'Kafka', exact: true }).count()), 0);
  assert.equal(await card(page).getByRole('link', { name: /Kafka tab/ }).count(), 0, 'the card links to no tab');
});

for (const theme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation on the card and in every section of the tab (${theme} theme)`, async () => {
    const { page } = session;
    await checkAccessibility(page, PAYMENTS_API, theme);
    await showSection(page, 'Topics');
    // The selected tab's underline slides over; the pointer would leave a hover mark.
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${SCREENSHOTS}/kafka-tab-${theme}.png` });
    await useTheme(page, theme, PAYMENTS_API);
    await cardSettled(page);
    await screenshotCard(page, `summary-card-${theme}`);
  });
}
