// What must never leak, and what the card costs Console: checked with an admin,
// who sees every cluster and so every planted credential's resource.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  card,
  cardRoot,
  cardSettled,
  clearSimFaults,
  clearSimRequests,
  entityPath,
  openSignedIn,
  proxyTokens,
  simFault,
  simRequests,
  user,
} from './browser.mjs';

// The simulator plants these in cluster `properties`, schema-registry `security`
// and `kafkaFlavor` (sim/README.md, "Data").
const SECRETS = ['SIM-SECRET', 'sasl.jaas.config', 'sr-console'];

let context;
let page;
let traffic;

before(async () => {
  ({ context, page, traffic } = await openSignedIn(user.admin, entityPath('example-website')));
  await card(page).getByText('Dev', { exact: true }).waitFor({ timeout: 60_000 });
});

after(async () => {
  await clearSimFaults();
  await context?.close();
});

/**
 * The wasm core hands its answers to the page as one JSON text for `JSON.parse`;
 * wrapping `JSON.parse` before any page script runs sees every such hand-off (and
 * anything else the page's scripts parse), so a secret reaching a JS object shows.
 */
function watchParsedJson(secrets) {
  const parse = JSON.parse;
  window.__parsed = { coreAnswers: 0, secrets: [] };
  JSON.parse = function watchedParse(text, reviver) {
    if (typeof text === 'string') {
      if (text.includes('"bootstrapServers"')) window.__parsed.coreAnswers += 1;
      for (const secret of secrets) if (text.includes(secret)) window.__parsed.secrets.push(secret);
    }
    return parse.call(this, text, reviver);
  };
}

test("none of the simulator's secrets reaches the page, its scripts' objects, storage or the console", async () => {
  await context.addInitScript(watchParsedJson, SECRETS);
  for (const name of ['example-website', 'payments-api', 'checkout-analytics', 'clickstream-service']) {
    await page.goto(`${BASE_URL}${entityPath(name)}`);
    await cardSettled(page);
    await card(page).locator('table').first().waitFor({ timeout: 60_000 });
    const html = await page.content();
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    for (const secret of SECRETS) {
      assert.ok(!html.includes(secret), `${secret} is in the page of ${name}`);
      assert.ok(!storage.includes(secret), `${secret} is in the browser storage on ${name}`);
      assert.ok(!traffic.console.some(line => line.includes(secret)), `${secret} is in the console on ${name}`);
    }
    const parsed = await page.evaluate(() => window.__parsed);
    assert.ok(parsed.coreAnswers > 0, `the core's answer on ${name} was not seen: the check would be vacuous`);
    assert.deepEqual(parsed.secrets, [], `a secret reached the page's scripts on ${name}`);
  }
});

test('the token never appears in a URL the browser requested (app and IdP popup), nor in the console or storage', async () => {
  const tokens = new Set(proxyTokens(traffic));
  assert.ok(tokens.size >= 1);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  for (const token of tokens) {
    const signature = token.split('.')[2];
    for (const request of traffic.requests) {
      assert.ok(!request.url.includes(signature), `the token is in a URL: ${request.url}`);
    }
    assert.ok(!traffic.console.some(line => line.includes(signature)), 'the token is in the console');
    assert.ok(!storage.includes(signature), 'the token is in the browser storage');
  }
});

/** The simulator's request log for the admin, as `METHOD path?query` lines. */
async function adminRequests() {
  return (await simRequests())
    .filter(r => r.user === user.admin.email)
    .map(r => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`)
    .sort();
}

test("one card view costs one request per resource in the simulator's log, the same on every view", async () => {
  const views = [];
  for (let i = 0; i < 2; i++) {
    await clearSimRequests();
    const before = traffic.requests.length;
    await page.goto(`${BASE_URL}${entityPath('payments-api')}`);
    await card(page).getByText('payments-processor').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const log = await adminRequests();
    const sent = traffic.requests.slice(before).filter(r => r.url.includes('/api/proxy/conduktor/'));
    assert.equal(log.length, sent.length, 'every request the page sent reached Console once (no retries, no duplicates)');
    const gets = log.filter(line => line.startsWith('GET '));
    assert.equal(new Set(gets).size, gets.length, `a resource was read twice: ${gets.join(', ')}`);
    views.push(log);
  }
  assert.deepEqual(views[1], views[0], 'a second view of the same entity costs the same requests');
  // Searches share a path and differ by body (the planner's one search per
  // pattern), so only GETs can be told apart in the log.
  console.log(`payments-api costs ${views[0].length} requests: ${views[0].join(', ')}`);
});

test('navigating away stops the requests still running: none is left in flight', async () => {
  // A page load: the core's short-lived cache starts empty, so the next view asks Console.
  await page.goto(`${BASE_URL}${entityPath('example-website')}`);
  await cardSettled(page);
  // Console holds the application's instances for 5 s; the user leaves meanwhile.
  await simFault({ path: '/self-serve/v1/application-instance', count: 5, delayMs: 5000 });
  const failed = [];
  page.on('requestfailed', r => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  // In-app navigation (no page load), as a user clicking through the catalog.
  await page.evaluate(path => {
    window.history.pushState({}, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, entityPath('payments-api'));
  const slow = () => [...traffic.pending].filter(r => r.url().includes('/api/proxy/conduktor/public/self-serve/v1/application-instance'));
  for (let i = 0; i < 50 && slow().length === 0; i++) await page.waitForTimeout(100);
  assert.ok(slow().length >= 1, 'the slow request is in flight');
  await page.evaluate(path => {
    window.history.pushState({}, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, entityPath('example-website'));
  await page.waitForTimeout(1000);
  const stillRunning = [...traffic.pending].filter(r => r.url().includes('/api/proxy/conduktor/'));
  assert.deepEqual(stillRunning.map(r => r.url()), [], 'requests of the card left behind are still running');
  assert.ok(failed.some(line => line.includes('application-instance')), `the slow request was cancelled: ${failed.join('; ')}`);
});

test("the token is in no server log and only as a fingerprint in the simulator's request log", async () => {
  const tokens = [...new Set(proxyTokens(traffic))];
  assert.ok(tokens.length >= 1, 'the card sent no token: the check would be vacuous');
  const requestLog = JSON.stringify(await simRequests());
  assert.ok(requestLog.includes('tokenFingerprint'), 'the request log has no fingerprints: it changed shape');
  // The scripts name the simulator's and Backstage's log files (scripts/lib/e2e.sh).
  const logs = (process.env.E2E_SERVER_LOGS ?? '').split(':').filter(path => path && existsSync(path));
  assert.ok(logs.length >= 1, 'no server log to check: run through scripts/test.sh or scripts/e2e.sh');
  for (const token of tokens) {
    assert.ok(!requestLog.includes(token), "the token is in the simulator's request log");
    const signature = token.split('.')[2];
    for (const path of logs) {
      const text = readFileSync(path, 'utf8');
      assert.ok(!text.includes(token) && !text.includes(signature), `the token is in ${path}`);
    }
  }
});

/**
 * Runs in the page: every value the card's React components hold, reached from the
 * card's DOM node through React's fiber (`__reactFiber$…`). The card's components
 * are the fibers under the one whose hook state is the card's load state
 * ({status: 'loading' | 'loaded' | 'failed'}), and that fiber's parent (the card's
 * entry component). For each: `memoizedProps`, the hook chain of `memoizedState`
 * (each hook's state, base state, queue and effect deps), a class component's
 * `stateNode.state` and `props`. Values are followed through objects, arrays, Maps
 * and Sets (own properties, enumerable or not), not into DOM nodes, other fibers, a
 * React element's `_owner`, or functions (closures cannot be read). The API object
 * the card gets from Backstage's API registry (`useApi`; it shows up in an effect's
 * deps) is Backstage's, not the card's state, and is left out of the verdict: it
 * holds Backstage's auth API, whose session keeps the token, which is where Backstage
 * keeps it. It is searched separately, for the record: finding the token there shows
 * the search finds a token wherever it is reachable. Returns where each needle was
 * found.
 */
function reactStateSearch({ selector, needles }) {
  const dom = document.querySelector(selector);
  if (!dom) return { error: `no ${selector}` };
  const fiberKey = Object.keys(dom).find(key => key.startsWith('__reactFiber$'));
  if (!fiberKey) return { error: 'no React fiber on the card' };
  const isFiber = value => value && typeof value === 'object' && 'stateNode' in value && 'return' in value && 'memoizedProps' in value;
  const hooks = fiber => {
    const list = [];
    for (let hook = fiber.memoizedState; hook && typeof hook === 'object' && 'next' in hook; hook = hook.next) list.push(hook);
    return list;
  };
  const isLoadState = value =>
    value && typeof value === 'object' && ['loading', 'loaded', 'failed'].includes(value.status) && Object.keys(value).length <= 3;
  let owner = dom[fiberKey];
  while (owner && !(typeof owner.type === 'function' && hooks(owner).some(h => isLoadState(h.memoizedState)))) owner = owner.return;
  if (!owner) return { error: "no fiber holds the card's load state" };
  const top = owner.return && typeof owner.return.type === 'function' ? owner.return : owner;

  const apis = new Set();
  const hits = [];
  const seen = new WeakSet();
  let values = 0;
  let fibers = 0;
  const check = (text, path) => {
    values += 1;
    for (const needle of needles) if (text.includes(needle.value)) hits.push({ needle: needle.name, path });
  };
  const visit = (value, path, depth) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') return check(value, path);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return check(String(value), path);
    if (typeof value === 'symbol' || typeof value === 'function') return;
    if (seen.has(value) || depth > 40) return;
    seen.add(value);
    if (value instanceof Node || value === window || isFiber(value)) return;
    if (value instanceof Map) return value.forEach((v, k) => { visit(k, `${path}<key>`, depth + 1); visit(v, `${path}<${String(k)}>`, depth + 1); });
    if (value instanceof Set) return value.forEach(v => visit(v, `${path}<item>`, depth + 1));
    if (value instanceof Date) return check(value.toISOString(), path);
    for (const key of Object.getOwnPropertyNames(value)) {
      if (key === '_owner' || key === '_store') continue;
      let child;
      try {
        child = value[key];
      } catch {
        continue;
      }
      visit(child, `${path}.${key}`, depth + 1);
    }
  };
  const visitFiber = (fiber, path) => {
    fibers += 1;
    visit(fiber.memoizedProps, `${path}.props`, 0);
    if (fiber.tag === 1 && fiber.stateNode) {
      visit(fiber.stateNode.state, `${path}.instance.state`, 0);
      visit(fiber.stateNode.props, `${path}.instance.props`, 0);
    } else {
      hooks(fiber).forEach((hook, i) => {
        const state = hook.memoizedState;
        if (state && typeof state === 'object' && 'deps' in state && 'create' in state) {
          // An effect: its deps are what it closed over, as far as React knows.
          (state.deps ?? []).forEach((dep, j) => {
            const proto = dep && typeof dep === 'object' ? Object.getPrototypeOf(dep) : null;
            if (proto && proto !== Object.prototype && proto !== Array.prototype && typeof dep.fetchEntityOverview === 'function') {
              apis.add(dep);
              return;
            }
            visit(dep, `${path}.hook[${i}].deps[${j}]`, 0);
          });
        } else {
          visit(state, `${path}.hook[${i}]`, 0);
          visit(hook.baseState, `${path}.hook[${i}].base`, 0);
          visit(hook.queue?.lastRenderedState, `${path}.hook[${i}].queue`, 0);
        }
      });
    }
    for (let child = fiber.child, n = 0; child; child = child.sibling, n++) visitFiber(child, `${path}/${n}`);
  };
  visitFiber(top, 'card');
  const cardHits = hits.splice(0);
  // For the record, not the verdict: what the skipped API objects lead to (Backstage's
  // auth API and its session, where Backstage keeps the token).
  [...apis].forEach((api, i) => visit(api, `api[${i}]`, 0));
  return { fibers, values, hits: cardHits, apiHits: hits.map(hit => hit.needle), apis: [...apis].map(api => api.constructor?.name ?? '?') };
}

/** Needles for the token: the whole token, its payload and its signature. */
function tokenNeedles(token) {
  const [, payload, signature] = token.split('.');
  return [
    { name: 'token', value: token },
    { name: 'token payload', value: payload },
    { name: 'token signature', value: signature },
  ];
}

async function searchCardState(known) {
  const tokens = [...new Set(proxyTokens(traffic))];
  assert.ok(tokens.length >= 1, 'no token captured from the requests to the proxy: the check would be vacuous');
  const needles = [
    ...tokens.flatMap(tokenNeedles),
    ...SECRETS.map(secret => ({ name: secret, value: secret })),
    { name: 'known', value: known },
  ];
  const result = await page.evaluate(reactStateSearch, { selector: '[data-testid="conduktor-card"]', needles });
  assert.equal(result.error, undefined, result.error);
  const found = result.hits.filter(hit => hit.needle !== 'known');
  const knownAt = result.hits.filter(hit => hit.needle === 'known').map(hit => hit.path);
  console.log(
    `React state of the card: ${result.fibers} fibers, ${result.values} values; "${known}" at ${knownAt.slice(0, 3).join(', ')}` +
      `${knownAt.length > 3 ? ` and ${knownAt.length - 3} more` : ''}; API objects not entered: ${result.apis.length} ` +
      `(through them: ${[...new Set(result.apiHits)].join(', ') || 'nothing searched for'})`,
  );
  assert.ok(knownAt.length > 0, `"${known}", which the card shows, was not found in its state: the search would be vacuous`);
  assert.deepEqual(found, [], 'the token or a planted secret is in the React state of the card');
}

test("neither the token nor a planted secret is in the card's React state, rendered or failed", async () => {
  await page.goto(`${BASE_URL}${entityPath('payments-api')}`);
  await card(page).getByText('payments-processor').first().waitFor({ timeout: 60_000 });
  await searchCardState('payments.orders');

  // An error state: Console refuses the token (the card then inspects the token for
  // its explanation).
  await simFault({ path: '/public/', status: 401, body: 'console', count: 50 });
  await cardRoot(page).getByRole('button', { name: 'Refresh' }).click();
  await card(page).locator('[data-testid^="conduktor-error"]').first().waitFor({ timeout: 60_000 });
  await clearSimFaults();
  await searchCardState('did not accept your sign-in token');
});
