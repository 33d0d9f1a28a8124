// The rest of what the harness app promises: Console's API as a catalog entity. (The
// card's and the tab's accessibility is checked in kafka-tab.test.mjs.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, SCREENSHOTS, card, entityPath, openSignedIn, user } from './browser.mjs';

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
