// One entity, four users signed in through the OpenID Provider: each sees what
// Console's RBAC (the simulator's groups, sim/src/rbac.rs) gives their IdP groups.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BASE_URL,
  card,
  cardSettled,
  entityPath,
  kafkaTab,
  kafkaTabSettled,
  kafkaTabTexts,
  openSignedIn,
  screenshotCard,
  user,
} from './browser.mjs';
import { checkNoAccess } from './kafkaChecks.mjs';

// checkout-analytics names prod-eu's payments.* and click.* topics and one
// consumer group of each team (e2e/app/examples/conduktor.yaml).
const RESOURCES = [
  'Production EU',
  'Staging',
  'Dev',
  'payments.orders',
  'payments.refunds',
  'payments.ledger',
  'click.pageviews',
  'click.sessions',
  'payments-processor',
  'click-enricher',
];

// What the simulator's demo RBAC lets each user see of those.
const EXPECTED = {
  payments: ['Production EU', 'payments.orders', 'payments.refunds', 'payments.ledger', 'payments-processor'],
  analytics: ['Production EU', 'click.pageviews', 'click.sessions', 'click-enricher'],
  admin: ['Production EU', 'payments.orders', 'payments.refunds', 'payments.ledger', 'click.pageviews', 'click.sessions', 'payments-processor', 'click-enricher'],
};

for (const role of ['payments', 'analytics', 'admin']) {
  test(`the ${user[role].role} sees exactly what Console's RBAC gives ${user[role].groups.join(', ')}`, async () => {
    const { context, page } = await openSignedIn(user[role], entityPath('checkout-analytics'));
    try {
      await cardSettled(page);
      assert.equal(await card(page).locator('[data-testid^="conduktor-error"]').count(), 0, 'no error panel');
      await screenshotCard(page, `rbac-${role}`);
      // The card shows the first few; the tab shows everything.
      await page.goto(`${BASE_URL}${entityPath('checkout-analytics')}/kafka`);
      await kafkaTabSettled(page);
      const shown = await kafkaTabTexts(page, RESOURCES);
      assert.deepEqual(shown.sort(), [...EXPECTED[role]].sort());
      assert.equal(await kafkaTab(page).locator('[data-testid^="conduktor-error"]').count(), 0, 'no error panel');
    } finally {
      await context.close();
    }
  });
}

test('a user in no Conduktor group sees the RBAC-empty state, or one no-access sentence, not an error', async () => {
  const { context, page } = await openSignedIn(user.nobody, entityPath('example-website'));
  try {
    const c = await cardSettled(page);
    const empty = c.getByTestId('conduktor-empty');
    await empty.waitFor({ timeout: 60_000 });
    assert.match(await empty.innerText(), /no Kafka cluster/);
    assert.equal(await c.locator('[data-testid^="conduktor-error"]').count(), 0, 'no error panel');
    assert.equal(await c.locator('table').count(), 0, 'no table');
    await screenshotCard(page, 'rbac-empty-clusters');

    // An annotated entity: everything it names is refused, said in one sentence, not an error panel.
    await page.goto(page.url().replace('example-website', 'checkout-analytics'));
    await checkNoAccess(c, 'checkout-analytics', { 'prod-eu': /payments.*click|click.*payments/ });
    await screenshotCard(page, 'rbac-empty-annotated');
  } finally {
    await context.close();
  }
});

test('an application-annotated entity shows its instances, owned topics and consumer-group lag', async () => {
  const { context, page } = await openSignedIn(user.analytics, entityPath('clickstream-service'));
  try {
    const c = await cardSettled(page);
    await c.getByText('Clickstream', { exact: true }).first().waitFor({ timeout: 60_000 });
    for (const text of ['click.pageviews', 'click.sessions', 'click-enricher']) {
      assert.ok(await c.getByText(text, { exact: true }).first().isVisible(), `"${text}" is shown`);
    }
    // The application's instance (its cluster and service account) is listed.
    assert.match(await c.innerText(), /clickstream-prod/);
    // Lag of the owned consumer group: a number in the consumer-group table.
    const groupRow = c.locator('tr', { hasText: 'click-enricher' });
    assert.match(await groupRow.innerText(), /\d/);
    await screenshotCard(page, 'application');
  } finally {
    await context.close();
  }
});
