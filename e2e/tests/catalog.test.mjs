// The rest of what the harness app promises: Console's API as a catalog entity, and
// an accessible card (axe, light and dark theme).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { BASE_URL, SCREENSHOTS, card, cardRoot, entityPath, openSignedIn, screenshotCard, user } from './browser.mjs';

let context;
let page;

before(async () => {
  ({ context, page } = await openSignedIn(user.payments, entityPath('payments-api')));
  await card(page).getByText('payments-processor').first().waitFor({ timeout: 60_000 });
});

after(async () => {
  await context?.close();
});

test("the catalog's API entity for Console's OpenAPI renders its definition", async () => {
  await page.goto(`${BASE_URL}/catalog/default/api/conduktor-console-api/definition`);
  await page.getByText('Conduktor Console API (as simulated by conduktor-sim)').first().waitFor({ timeout: 60_000 });
  for (const path of ['/public/console/v2/kafka-cluster', '/public/v1/clusters/{cluster}/topics']) {
    assert.ok(await page.getByText(path, { exact: true }).first().isVisible(), `${path} is rendered`);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/api-entity.png` });
});

// Backstage's own Table (core-components, material-table) nests its sortable
// headers' role="button" in an interactive header cell: axe's nested-interactive,
// serious. It is Backstage's markup, not the card's; tracked by the todo test below.
const KNOWN_UPSTREAM = new Set(['nested-interactive']);

async function axeCard(theme) {
  await page.evaluate(t => localStorage.setItem('theme', t), theme);
  await page.goto(`${BASE_URL}${entityPath('payments-api')}`);
  await card(page).getByText('payments-processor').first().waitFor({ timeout: 60_000 });
  // The whole info card: its header (title, refresh button) and content.
  await cardRoot(page).evaluate(el => el.setAttribute('data-e2e-axe', 'conduktor'));
  const results = await new AxeBuilder({ page }).include('[data-e2e-axe="conduktor"]').analyze();
  assert.ok(results.passes.length > 0, 'axe checked something');
  const blocking = results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  return blocking.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes[0].target.join(' ')}`);
}

for (const theme of ['light', 'dark']) {
  test(`the card has no serious or critical accessibility violation of its own (axe, ${theme} theme)`, async () => {
    const blocking = await axeCard(theme);
    assert.deepEqual(blocking.filter(line => !KNOWN_UPSTREAM.has(line.split(' ')[0])), []);
    await screenshotCard(page, `a11y-${theme}`);
  });
}

test('the card\'s tables pass axe\'s nested-interactive rule', { todo: "Backstage's Table: sortable headers nest a role=button" }, async () => {
  assert.deepEqual(await axeCard('light'), []);
});
