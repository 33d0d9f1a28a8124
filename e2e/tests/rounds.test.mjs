// How many times the user waits for Console one answer after another (issue 17):
// the card's sequential request rounds, counted from the simulator's request log
// (e2e/tests/rounds.mjs says how). At most 1 round for topics, consumer groups and
// clusters, 2 for an application entity (its instances decide round 2), and one more
// when a search spans several pages (page 1 gives the number of pages, pages 2..N go
// together). Each answer is held 200 ms by a simulator fault, so requests sent
// together always arrive before any of them is answered and the count is exact; no
// time is asserted. A second view of the same entity within the core's cache lifetime
// sends nothing to Console.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import {
  BASE_URL,
  cardSettled,
  clearSimFaults,
  clearSimRequests,
  entityPath,
  openSignedIn,
  simFault,
  simRequests,
  user,
} from './browser.mjs';
import { countRounds } from './rounds.mjs';

const HOLD_MS = 200;
const HOLD_EVERY_ANSWER = { path: '/api/public/', count: 10_000, delayMs: HOLD_MS };

let context;
let page;
let traffic;

before(async () => {
  ({ context, page, traffic } = await openSignedIn(user.payments, '/'));
});

afterEach(async () => {
  await clearSimFaults();
});

after(async () => {
  await clearSimFaults();
  await context?.close();
});

const inAppNavigation = path =>
  page.evaluate(path => {
    window.history.pushState({}, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);

/** Waits until the card has settled and the page has no request to Console left in flight. */
async function settled() {
  await cardSettled(page);
  for (let i = 0; i < 100 && [...traffic.pending].some(r => r.url().includes('/api/proxy/conduktor/')); i++) {
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(HOLD_MS + 100);
}

/** What Console saw of this user since the log was cleared, with the rounds. */
async function seen() {
  const log = (await simRequests()).filter(r => r.user === user.payments.email);
  const { rounds, requests } = countRounds(log);
  const lines = requests.map(r => `round ${r.round}: ${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`);
  return { rounds, requests, lines, posts: requests.filter(r => r.method === 'POST').length };
}

/**
 * The entity's first card view on a fresh page (no wasm instance, no cached answer),
 * reached in the app as a click would, with every answer held and `faults` first.
 */
async function firstView(entity, ...faults) {
  await clearSimFaults();
  for (const fault of [...faults, HOLD_EVERY_ANSWER]) await simFault(fault);
  await page.goto(`${BASE_URL}/`);
  await page.getByRole('link', { name: entity, exact: true }).first().waitFor({ timeout: 60_000 });
  await clearSimRequests();
  await inAppNavigation(entityPath(entity));
  await settled();
  const view = await seen();
  console.log(`${entity}${faults.length ? ' (paged)' : ''}: ${view.requests.length} requests in ${view.rounds} round(s)\n  ${view.lines.join('\n  ')}`);
  return view;
}

// The searches answer in pages smaller than the core asks for (a simulator fault), so
// that with the demo data a search spans several pages.
const topicPagesOf = items => ({ path: '/api/public/v1/clusters/prod-eu/topics', method: 'POST', count: 10_000, itemsPerPage: items, delayMs: HOLD_MS });
const groupPagesOf = items => ({ path: '/api/public/v1/clusters/prod-eu/consumergroups', method: 'POST', count: 10_000, itemsPerPage: items, delayMs: HOLD_MS });

test('an entity without annotations: the cluster list, one round', async () => {
  const view = await firstView('example-website');
  assert.equal(view.requests.length, 1, view.lines.join('; '));
  assert.equal(view.rounds, 1, view.lines.join('; '));
});

test('an entity with topics and consumer groups: every request in one round', async () => {
  const view = await firstView('checkout-analytics');
  assert.ok(view.requests.length >= 5, `clusters, two topic searches, two group searches: ${view.lines.join('; ')}`);
  assert.ok(view.rounds <= 1, view.lines.join('; '));
});

test('literal topics on two clusters: the name search and the GET by name together, one round', async () => {
  const view = await firstView('orders-replicator');
  const gets = view.requests.filter(r => /\/kafka\/v2\/cluster\/[^/]+\/topic\//.test(r.path));
  assert.equal(gets.length, 2, `a GET by name beside each literal's search: ${view.lines.join('; ')}`);
  assert.ok(view.rounds <= 1, view.lines.join('; '));
});

test('an entity with clusters: one round', async () => {
  const view = await firstView('kafka-platform');
  assert.ok(view.rounds <= 1, view.lines.join('; '));
});

for (const entity of ['payments-api', 'clickstream-service']) {
  test(`an application entity (${entity}): two rounds, the second from its instances`, async () => {
    const view = await firstView(entity);
    assert.ok(view.requests.some(r => r.path.includes('/application-instance')), view.lines.join('; '));
    assert.ok(view.rounds <= 2, view.lines.join('; '));
  });
}

test('topics and consumer groups whose search spans several pages: one more round', async () => {
  const whole = await firstView('checkout-analytics');
  const paged = await firstView('checkout-analytics', topicPagesOf(2));
  assert.ok(paged.posts > whole.posts, `a search spanned several pages: ${paged.lines.join('; ')}`);
  assert.ok(paged.rounds <= 1 + 1, paged.lines.join('; '));
});

test("an application whose round-2 search spans several pages: one more round", async () => {
  // payments-api's round 2 asks for prod-eu's payments-* groups (two of them), in pages of one.
  const whole = await firstView('payments-api');
  const paged = await firstView('payments-api', groupPagesOf(1));
  assert.ok(paged.posts > whole.posts, `a search spanned several pages: ${paged.lines.join('; ')}`);
  assert.ok(paged.rounds <= 2 + 1, paged.lines.join('; '));
});

test('an application whose searches span several pages in both rounds: still one more round', async () => {
  // payments.* (round 1) and the payments ownership label (round 2) both match four prod-eu topics: pages of two.
  // Round 2 starts when the instances answer, not after round 1's further pages.
  const paged = await firstView('payments-api', topicPagesOf(2));
  assert.ok(paged.rounds <= 2 + 1, paged.lines.join('; '));
});

test('a second view of the same entity within the cache lifetime sends no request to Console', async () => {
  await firstView('payments-api');
  await clearSimFaults();
  await inAppNavigation('/');
  await page.getByRole('link', { name: 'payments-api', exact: true }).first().waitFor({ timeout: 60_000 });
  await clearSimRequests();
  await inAppNavigation(entityPath('payments-api'));
  await cardSettled(page);
  await page.waitForTimeout(500);
  const again = await seen();
  assert.deepEqual(again.lines, [], 'the second view asked Console again');
});
