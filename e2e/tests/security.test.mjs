// What must never leak, and what the card costs Console: checked with an admin,
// who sees every cluster and so every planted credential's resource.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import {
  BASE_URL,
  card,
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
