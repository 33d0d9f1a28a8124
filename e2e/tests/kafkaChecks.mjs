// What both end-to-end suites check of the card and the Kafka tab, so the new-system
// app and the README's legacy install are held to the same behaviour.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { card, cardSettled, kafkaTab, kafkaTabSettled, rowHeaders, showSection } from './browser.mjs';

/** priya on payments-api's tab: the topics sort by a column both ways, and the filter narrows them. */
export async function checkSortAndFilter(page) {
  await showSection(page, 'Topics');
  const topics = kafkaTab(page).getByTestId('conduktor-topics');
  // payments.chargebacks: a topic Console has not indexed yet, listed by name.
  assert.deepEqual(await rowHeaders(topics), ['payments.chargebacks', 'payments.ledger', 'payments.orders', 'payments.orders', 'payments.refunds'], 'by name at first');
  const size = topics.getByRole('columnheader', { name: /^Size/ });
  await size.click();
  await topics.locator('[role="columnheader"][aria-sort="ascending"]', { hasText: 'Size' }).waitFor({ timeout: 10_000 });
  const ascending = await topics.locator('[role="row"]').nth(1).innerText();
  assert.match(ascending, /payments\.orders\s+staging[\s\S]*4\.0 MiB/, `smallest first: ${ascending}`);
  await size.click();
  await topics.locator('[role="columnheader"][aria-sort="descending"]', { hasText: 'Size' }).waitFor({ timeout: 10_000 });
  const descending = await topics.locator('[role="row"]').nth(1).innerText();
  assert.match(descending, /payments\.orders\s+prod-eu[\s\S]*700 MiB/, `largest first: ${descending}`);

  const filter = topics.getByRole('searchbox', { name: 'Filter topics' });
  await filter.fill('refunds');
  await topics.locator('[role="rowheader"]', { hasText: 'payments.orders' }).first().waitFor({ state: 'detached', timeout: 10_000 });
  assert.deepEqual(await rowHeaders(topics), ['payments.refunds']);
  await filter.fill('staging');
  await topics.locator('[role="rowheader"]', { hasText: 'payments.refunds' }).waitFor({ state: 'detached', timeout: 10_000 });
  assert.deepEqual(await rowHeaders(topics), ['payments.orders'], 'the filter matches the cluster too');
  await filter.fill('');
}

/** The simulator's payments-refunds-worker is an hour behind: an error, in words and with an icon, in the header and its row. */
export async function checkLagHealth(page, scope) {
  const worst = scope.getByTestId('conduktor-worst-lag');
  await worst.waitFor({ timeout: 60_000 });
  assert.match(await worst.innerText(), /Worst lag: payments-refunds-worker, 1 h \(1,530 records\)/);
  assert.equal(await worst.locator('[data-lag-status="error"] svg[aria-hidden="true"]').count(), 1, 'an icon beside the words');
  assert.match(await worst.locator('[data-lag-status="error"]').textContent(), /^Error: /, 'the status in words for screen readers');
}

export async function checkLagHealthInTab(page) {
  await checkLagHealth(page, kafkaTab(page));
  await showSection(page, 'Consumer groups');
  const groups = kafkaTab(page).getByTestId('conduktor-consumer-groups');
  assert.deepEqual((await rowHeaders(groups)).slice(0, 2), ['payments-refunds-worker', 'payments-processor'], 'worst first');
  const lagging = groups.locator('[role="row"]', { hasText: 'payments-refunds-worker' });
  assert.match(await lagging.locator('[data-lag-status="error"]').innerText(), /^Error:\s*Lagging 1 h$/);
  assert.match(await lagging.innerText(), /1,530/);
  const healthy = groups.locator('[role="row"]', { hasText: 'payments-processor' });
  assert.match(await healthy.locator('[data-lag-status="ok"]').innerText(), /^Healthy:\s*OK \(2 s\)$/);
}

/** What payments-api names, by cluster, as the no-access sentence must say it. */
export const PAYMENTS_API_ASKED = { 'prod-eu': /payments/, staging: /payments\.orders/ };

/**
 * A user without a Conduktor group on `entity`: one sentence naming each cluster in
 * `asked` and what was asked there, and no stack of refusals, no table.
 */
export async function checkNoAccess(scope, entity = 'payments-api', asked = PAYMENTS_API_ASKED) {
  const summaries = scope.getByTestId('conduktor-no-access');
  await summaries.first().waitFor({ timeout: 60_000 });
  assert.equal(await summaries.count(), 1, 'one summary');
  const sentence = (await summaries.innerText()).trim();
  assert.ok(sentence.startsWith(`You have no access in Conduktor to what ${entity} uses: `), sentence);
  for (const [cluster, resource] of Object.entries(asked)) {
    const said = sentence.match(new RegExp(`\\b${cluster} \\(([^)]*)\\)`));
    assert.ok(said, `${cluster} is named with what was asked there: ${sentence}`);
    assert.match(said[1], resource, `what was asked on ${cluster}`);
  }
  assert.match(sentence, /Ask your Conduktor administrator\.$/);
  assert.equal(await scope.getByTestId('conduktor-problems').count(), 0, 'no list of problems besides');
  assert.equal(await scope.locator('[role="grid"], table').count(), 0, 'no table');
  assert.equal(await scope.locator('[data-testid^="conduktor-error"]').count(), 0, 'no error panel');
  const text = await scope.innerText();
  assert.equal((text.match(/You have no access/g) ?? []).length, 1, 'said once');
  assert.ok(!/does not allow you to see this/.test(text), 'no stacked refusals');
  return sentence;
}

/** Switches the app's theme the way Backstage's settings store it, then reloads `url`. */
export async function useTheme(page, theme, url) {
  await page.evaluate(t => localStorage.setItem('theme', t), theme);
  await page.goto(url);
}

/** axe's serious and critical findings inside `locator` (none allowed), as readable lines. */
export async function axeBlocking(page, locator, name) {
  await locator.evaluate((el, id) => el.setAttribute('data-e2e-axe', id), name);
  const results = await new AxeBuilder({ page }).include(`[data-e2e-axe="${name}"]`).analyze();
  assert.ok(results.passes.length > 0, 'axe checked something');
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes[0].target.join(' ')}`);
}

/** axe on the card and on the tab of `entityUrl` in `theme`: nothing serious or critical. */
export async function checkAccessibility(page, entityUrl, theme) {
  await useTheme(page, theme, entityUrl);
  await cardSettled(page);
  // The theme really changed: the card's own background is dark or light.
  const [r, g, b] = (await card(page).evaluate(el => getComputedStyle(el).backgroundColor)).match(/\d+/g).map(Number);
  assert.ok(theme === 'dark' ? r + g + b < 200 : r + g + b > 600, `the card's background ${[r, g, b]} is not ${theme}`);
  assert.deepEqual(await axeBlocking(page, card(page), `card-${theme}`), [], `card, ${theme} theme`);
  await page.goto(`${entityUrl}/kafka`);
  await kafkaTabSettled(page);
  for (const section of ['Topics', 'Consumer groups', 'Applications', 'Clusters']) {
    await showSection(page, section);
    assert.deepEqual(await axeBlocking(page, kafkaTab(page), `tab-${theme}-${section}`), [], `tab, ${section}, ${theme} theme`);
  }
}

/**
 * Anything of the card drawn beyond its own left or right edge (cut off by the grid
 * cell), and any of its tables that would need a horizontal scrollbar.
 */
export async function horizontalClipping(locator) {
  return locator.evaluate(root => {
    const box = root.getBoundingClientRect();
    const clipped = [];
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const hidden = r.width <= 1 || style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)';
      if (!hidden && (r.right > box.right + 1 || r.left < box.left - 1)) clipped.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}-${Math.round(r.right)}`);
    }
    for (const scroller of root.querySelectorAll('*')) {
      const overflowX = getComputedStyle(scroller).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') && scroller.scrollWidth > scroller.clientWidth + 1) {
        if (getComputedStyle(scroller).clip !== 'rect(0px, 0px, 0px, 0px)' && scroller.clientWidth > 1) {
          clipped.push(`${scroller.className} scrolls ${scroller.scrollWidth} > ${scroller.clientWidth}`);
        }
      }
    }
    return { width: box.width, height: box.height, clipped: clipped.slice(0, 10) };
  });
}
