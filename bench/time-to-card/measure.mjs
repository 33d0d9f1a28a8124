// Time to card, as a person waits for it: the production Backstage app of the
// end-to-end harness, signed in through its OpenID Provider, a Console simulator
// answering after a set latency, and for each entity the time from an in-app
// navigation to the card's skeleton, its first data and the complete card, with the
// requests and sequential rounds Console saw. The plugin's card (the wasm core) and
// the seed's approach (a card doing fetch + response.json() for the same requests,
// e2e/app/packages/app/src/modules/timeToCard, enabled only here) are measured in the
// same run, interleaved. Run by scripts/time-to-card.sh, which builds and starts
// everything but the simulator: this script restarts it for each latency.
//
// Environment: E2E_BASE_URL, E2E_SIM_URL, E2E_IDP_URL (as the e2e tests), TTC_SIM_BIN
// (the simulator binary), TTC_LATENCIES (default 0,50,150), TTC_REPS (default 5),
// TTC_OUT (default bench/results/time-to-card.json).
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, IDP_URL, SIM_URL, entityPath, launchBrowser, signIn, user } from '../../e2e/tests/browser.mjs';
import { countRounds } from '../../e2e/tests/rounds.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const SIM_BIN = process.env.TTC_SIM_BIN ?? `${ROOT}/target/debug/conduktor-sim`;
const LATENCIES = (process.env.TTC_LATENCIES ?? '0,50,150').split(',').map(Number);
const REPS = Number(process.env.TTC_REPS ?? 5);
const OUT = process.env.TTC_OUT ?? `${ROOT}/bench/results/time-to-card.json`;
const LOGS = process.env.TTC_LOGS ?? `${ROOT}/.artifacts/logs`;
const ACCOUNT = user.payments;

/** The three kinds of entity the issue names (e2e/app/examples). */
const ENTITIES = [
  { name: 'example-website', what: 'no annotation (the user\'s clusters)', baseRounds: 1 },
  { name: 'checkout-analytics', what: 'topics and consumer groups', baseRounds: 1 },
  { name: 'payments-api', what: 'topics, a consumer group and an application', baseRounds: 2 },
];

const APPROACHES = {
  core: {
    label: 'plugin card (wasm core)',
    extensions: [],
    card: '[data-testid="conduktor-card"]',
  },
  seed: {
    label: "seed's approach (fetch + response.json())",
    extensions: [{ 'entity-card:conduktor/clusters': false }, { 'entity-card:app/ttc-seed': true }],
    card: '[data-testid="ttc-seed-card"]',
  },
};

// In every page: (1) the approach's extensions added to the app's frontend config
// (the approach is the page URL's `ttc-approach`); the config is patched in the DOM
// once the HTML is parsed and before Backstage's deferred scripts read it, instead of
// rewriting the HTML in a Playwright route, which would switch the browser's HTTP
// cache off (a returning user has the app's chunks cached and revalidates the .wasm);
// (2) marks when the card's skeleton, first data and complete state are in the DOM (a
// MutationObserver, so the time the DOM changed, before paint), relative to `arm()`,
// which the navigation calls just before it changes the route.
const OBSERVER = extensionsByApproach => {
  const approach = new URLSearchParams(location.search).get('ttc-approach');
  const extensions = extensionsByApproach[approach] ?? [];
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive' || extensions.length === 0) return;
    const script = document.querySelector('script[type="backstage.io/config"]');
    const contexts = JSON.parse(script.textContent);
    // app.extensions is an array: a later context replaces it, so repeat the app's own.
    const existing = contexts.map(c => c.data?.app?.extensions).filter(Array.isArray).at(-1) ?? [];
    contexts.push({ context: 'time-to-card', data: { app: { extensions: [...existing, ...extensions] } } });
    script.textContent = JSON.stringify(contexts);
  });
  const probes = {
    core: {
      skeleton: '[data-testid="conduktor-card"]',
      data: '[data-testid="conduktor-card"] :is([data-testid="conduktor-headline"], [data-testid="conduktor-empty"], [data-testid^="conduktor-error"], [data-testid="conduktor-no-access"])',
      complete: '[data-testid="conduktor-card"] :is([data-testid="conduktor-headline"], [data-testid="conduktor-empty"], [data-testid^="conduktor-error"], [data-testid="conduktor-no-access"])',
      failed: '[data-testid="conduktor-card"] [data-testid^="conduktor-error"]',
    },
    seed: {
      skeleton: '[data-testid="ttc-seed-card"]',
      data: '[data-testid="ttc-seed-card"] [data-ttc="data"]',
      complete: '[data-testid="ttc-seed-card"][data-ttc-state="complete"]',
      failed: '[data-testid="ttc-seed-card"][data-ttc-failed]',
    },
  };
  performance.setResourceTimingBufferSize(2000);
  const state = { armed: null, t0: 0, marks: {} };
  // When a wasm module was instantiated (the core; the seed has none): whether the core
  // was ready before the card mounted, or still on the way.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then(result => {
        if (state.armed && state.marks.coreReady === undefined) state.marks.coreReady = performance.now() - state.t0;
        return result;
      });
    };
  }
  const check = () => {
    if (!state.armed) return;
    const now = performance.now();
    for (const [mark, selector] of Object.entries(probes[state.armed])) {
      if (state.marks[mark] === undefined && document.querySelector(selector)) state.marks[mark] = now - state.t0;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  window.__ttc = {
    arm(approach) {
      performance.clearResourceTimings();
      state.armed = approach;
      state.marks = {};
      state.t0 = performance.now();
      return performance.timeOrigin + state.t0;
    },
    done: () => state.marks.complete !== undefined,
    result() {
      const resources = performance
        .getEntriesByType('resource')
        .filter(e => e.startTime >= state.t0)
        .map(e => ({
          name: e.name.replace(location.origin, ''),
          start: e.startTime - state.t0,
          end: e.responseEnd - state.t0,
          transferSize: e.transferSize,
        }));
      return { marks: { ...state.marks }, resources };
    },
  };
};

const sleep = ms => new Promise(r => setTimeout(r, ms));

// ---- the simulator, restarted for each latency ------------------------------------
let sim;

async function startSim(latencyMs) {
  await stopSim();
  const port = new URL(SIM_URL).port;
  const log = openSync(`${LOGS}/sim-time-to-card-${latencyMs}ms.log`, 'w');
  sim = spawn(SIM_BIN, ['--listen', `127.0.0.1:${port}`, '--test-controls', '--issuer', IDP_URL, '--latency', `${latencyMs}ms`], {
    stdio: ['ignore', log, log],
  });
  for (let i = 0; i < 120; i++) {
    if (sim.exitCode !== null) throw new Error(`the simulator exited (${sim.exitCode}); see ${LOGS}/sim-time-to-card-${latencyMs}ms.log`);
    if (await fetch(`${SIM_URL}/idp/jwks`).then(r => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error('the simulator did not start');
}

async function stopSim() {
  if (!sim || sim.exitCode !== null) return;
  sim.kill('SIGTERM');
  await once(sim, 'exit');
}

const simLog = async () => (await fetch(`${SIM_URL}/sim/requests`)).json();

// ---- one measured card view ----------------------------------------------------------
async function inAppNavigation(page, path, approach) {
  return page.evaluate(
    ([path, approach]) => {
      const epoch = window.__ttc.arm(approach);
      window.history.pushState({}, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
      return epoch;
    },
    [path, approach],
  );
}

async function cardView(page, approach, path, latencyMs) {
  const epoch = await inAppNavigation(page, path, approach);
  await page.waitForFunction(() => window.__ttc.done(), null, { timeout: 60_000, polling: 50 });
  // Anything the card still sends after it is complete would be counted too.
  await sleep(Math.max(300, 2 * latencyMs + 100));
  const { marks, resources } = await page.evaluate(() => window.__ttc.result());
  const log = (await simLog()).filter(r => r.user === ACCOUNT.email && r.receivedAt >= epoch - 1);
  const { rounds, requests } = countRounds(log);
  const rel = t => Math.round((t - epoch) * 10) / 10;
  const firstRequest = requests.length ? rel(Math.min(...requests.map(r => r.receivedAt))) : null;
  const lastAnswer = requests.length ? rel(Math.max(...requests.map(r => r.answeredAt))) : null;
  const pick = re => resources.filter(r => re.test(r.name));
  return {
    skeleton: round1(marks.skeleton),
    coreReady: round1(marks.coreReady),
    firstData: round1(marks.data),
    complete: round1(marks.complete),
    failed: marks.failed !== undefined,
    requests: requests.length,
    rounds,
    statuses: [...new Set(requests.map(r => r.status))],
    // Where the time went, relative to the navigation (the simulator's clock is the page's).
    firstRequestAtConsole: firstRequest,
    lastAnswerFromConsole: lastAnswer,
    wasm: pick(/\.wasm$/).map(r => ({ start: round1(r.start), end: round1(r.end), transferSize: r.transferSize })),
    scripts: pick(/\.js$/).map(r => ({ name: r.name.split('/').pop(), start: round1(r.start), end: round1(r.end), transferSize: r.transferSize })),
    entityFetch: pick(/\/api\/catalog\/entities\/by-name\//).map(r => ({ start: round1(r.start), end: round1(r.end) })),
    proxy: pick(/\/api\/proxy\/conduktor\//).map(r => ({ start: round1(r.start), end: round1(r.end) })),
    auth: pick(/\/api\/auth\//).map(r => ({ name: r.name.split('?')[0], start: round1(r.start), end: round1(r.end) })),
    log: requests.map(r => ({
      request: `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`,
      round: r.round,
      receivedAt: rel(r.receivedAt),
      answeredAt: rel(r.answeredAt),
    })),
  };
}

function round1(value) {
  return value === undefined ? null : Math.round(value * 10) / 10;
}

/**
 * A fresh page load (no wasm instance, no cached answer), then the card's first view
 * and, with `secondView`, a second view of it.
 */
async function sample(page, approach, entity, latencyMs, { secondView = true } = {}) {
  await page.goto(`${BASE_URL}/?ttc-approach=${approach}`);
  await page.getByRole('link', { name: entity.name, exact: true }).first().waitFor({ timeout: 60_000 });
  await sleep(500);
  await fetch(`${SIM_URL}/sim/requests`, { method: 'DELETE' });
  const first = await cardView(page, approach, entityPath(entity.name), latencyMs);
  if (!secondView) return { first, second: null };
  // A second view within the core's cache lifetime (10 s): away to the catalog, then back.
  await page.evaluate(() => {
    window.history.pushState({}, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.getByRole('link', { name: entity.name, exact: true }).first().waitFor({ timeout: 60_000 });
  const second = await cardView(page, approach, entityPath(entity.name), latencyMs);
  return { first, second };
}

// ---- the run ------------------------------------------------------------------------------
const median = values => {
  const v = values.filter(x => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : Math.round(((v[v.length / 2 - 1] + v[v.length / 2]) / 2) * 10) / 10;
};

function summarise(samples, key) {
  const summary = summariseRaw(samples, key);
  return Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, typeof v === 'number' ? round1(v) : v]));
}

function summariseRaw(samples, key) {
  const firsts = samples.map(s => s[key]).filter(Boolean);
  if (firsts.length === 0) return {};
  const values = field => firsts.map(f => f[field]);
  return {
    skeleton: median(values('skeleton')),
    firstData: median(values('firstData')),
    complete: median(values('complete')),
    completeMin: Math.min(...values('complete')),
    completeMax: Math.max(...values('complete')),
    requests: median(values('requests')),
    rounds: median(values('rounds')),
    roundsSeen: [...new Set(values('rounds'))].sort(),
    firstRequestAtConsole: median(values('firstRequestAtConsole')),
    lastAnswerFromConsole: median(values('lastAnswerFromConsole')),
    // The card's own share: from its skeleton (mounted) to its first request and to complete.
    mountToFirstRequest: median(firsts.map(f => (f.firstRequestAtConsole ?? NaN) - f.skeleton).filter(Number.isFinite)),
    mountToComplete: median(firsts.map(f => f.complete - f.skeleton)),
    mountToCompleteMin: Math.min(...firsts.map(f => f.complete - f.skeleton)),
    mountToCompleteMax: Math.max(...firsts.map(f => f.complete - f.skeleton)),
    afterLastAnswer: median(firsts.map(f => (f.lastAnswerFromConsole === null ? NaN : f.complete - f.lastAnswerFromConsole)).filter(Number.isFinite)),
    coreReady: median(firsts.map(f => f.coreReady)),
    wasmStart: median(firsts.map(f => f.wasm[0]?.start)),
    wasmEnd: median(firsts.map(f => f.wasm[0]?.end)),
    wasmTransferSize: median(firsts.map(f => f.wasm[0]?.transferSize)),
    failed: firsts.filter(f => f.failed).length,
  };
}

async function main() {
  mkdirSync(dirname(OUT), { recursive: true });
  const started = Date.now();
  const context = await launchBrowser();
  await context.addInitScript(OBSERVER, Object.fromEntries(Object.entries(APPROACHES).map(([k, v]) => [k, v.extensions])));
  const page = await context.newPage();
  const results = [];
  try {
    await startSim(0);
    await page.goto(`${BASE_URL}/`);
    await signIn(page, ACCOUNT);
    // Not measured: the first view after sign-in; it also gives the token the simulator
    // is warmed up with after each restart.
    let token;
    const takeToken = request => {
      const authorization = request.headers().authorization;
      if (request.url().includes('/api/proxy/conduktor/') && authorization) token = authorization.replace(/^Bearer /, '');
    };
    context.on('request', takeToken);
    await sample(page, 'core', ENTITIES[0], 0, { secondView: false });
    context.off('request', takeToken);
    // Each pass measures every latency, entity and approach once, so that a machine
    // whose load drifts during the run weighs on all of them alike (the simulator is
    // restarted for each latency of each pass).
    const samples = new Map();
    const key = (latencyMs, entity, approach) => `${latencyMs}|${entity.name}|${approach}`;
    for (let pass = 0; pass < REPS; pass++) {
      for (const latencyMs of LATENCIES) {
        await startSim(latencyMs);
        // The simulator fetches the provider's keys on the first token it sees: not in a measured view.
        await fetch(`${SIM_URL}/api/public/console/v2/kafka-cluster`, { headers: { Authorization: `Bearer ${token}` } });
        for (const entity of ENTITIES) {
          // Alternate which approach goes first, so neither always follows the other.
          const order = (pass + ENTITIES.indexOf(entity)) % 2 ? ['seed', 'core'] : ['core', 'seed'];
          for (const approach of order) {
            const k = key(latencyMs, entity, approach);
            // The seed has no cache: its second view is measured in the first pass only, to show it.
            const secondView = approach === 'core' || pass === 0;
            samples.set(k, [...(samples.get(k) ?? []), await sample(page, approach, entity, latencyMs, { secondView })]);
          }
        }
      }
      console.log(`pass ${pass + 1} of ${REPS} done (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    for (const latencyMs of LATENCIES) {
      for (const entity of ENTITIES) {
        for (const approach of Object.keys(APPROACHES)) {
          const s = samples.get(key(latencyMs, entity, approach));
          const row = {
            latencyMs,
            entity: entity.name,
            what: entity.what,
            baseRounds: entity.baseRounds,
            approach,
            first: summarise(s, 'first'),
            second: summarise(s, 'second'),
            samples: s,
          };
          results.push(row);
          const f = row.first;
          console.log(
            `${String(latencyMs).padStart(4)} ms ${entity.name.padEnd(19)} ${approach.padEnd(4)} skeleton ${f.skeleton} ms, first data ${f.firstData} ms, ` +
              `complete ${f.complete} ms (${f.completeMin}–${f.completeMax}), skeleton → complete ${f.mountToComplete} ms, ` +
              `${f.requests} requests in ${f.rounds} round(s); second view ${row.second.complete} ms, ${row.second.requests} requests`,
          );
        }
      }
    }
  } finally {
    await context.close();
    await stopSim();
  }
  const git = (...args) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--', 'js', 'e2e/app').length > 0;
  const report = {
    measuredAt: new Date().toISOString(),
    commit: `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in js/ or e2e/app/' : ''}`,
    durationS: Math.round((Date.now() - started) / 1000),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadavgAtEnd: loadavg().map(x => Math.round(x * 100) / 100) },
    reps: REPS,
    latencies: LATENCIES,
    account: ACCOUNT.email,
    approaches: Object.fromEntries(Object.entries(APPROACHES).map(([k, v]) => [k, v.label])),
    results,
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 1)}\n`);
  console.log(`wrote ${OUT} (${report.durationS} s)`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopSim().finally(() => process.exit(130));
  });
}

main().catch(async error => {
  console.error(error);
  await stopSim().catch(() => {});
  process.exit(1);
});
