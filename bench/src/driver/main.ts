/**
 * The benchmark driver: opens the page in headless Debian Chromium (playwright-core), runs
 * every workload in a fresh page, and writes bench/results/. run.sh starts the simulators
 * and the static server before, and stops them after.
 *
 *   node dist/driver.mjs --print-sims     # "name port scale" lines, for run.sh
 *   node dist/driver.mjs                  # the benchmark (environment below)
 *   node dist/driver.mjs --report DIR     # rewrite DIR/results.md and chart.svg from DIR/results.json
 *
 * BENCH_PAGE_URL      the static server (default http://127.0.0.1:47600)
 * BENCH_SIM_PORT_BASE first simulator port (default 47610), one port per SIMS entry
 * BENCH_CORE_DIR      the core package under test (only recorded and sized here)
 * BENCH_CORE_LABEL    what that core is, for the report (default: git describe of its folder)
 * BENCH_OUT           results folder (default bench/results)
 * BENCH_BUDGET_S      seconds of timed rounds per workload and mode (default 10)
 * BENCH_ONLY          comma-separated workload ids, for a quick look at a few
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Bench } from '../page/main';
import { stats } from '../shared/stats';
import { APPROACHES, type Approach, type Mode, SIMS, type Workload, WORKLOADS } from '../shared/workloads';
import { describeMachine } from './machine';
import { profile } from './profile';
import { writeReports } from './report';
import type { Results, WorkloadResult } from './results';
import { adminToken, clearLog, traffic, type Traffic } from './sim';
import { measureSizes } from './sizes';

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = (name: string, fallback: string): string => process.env[name] || fallback;
const PAGE_URL = env('BENCH_PAGE_URL', 'http://127.0.0.1:47600');
const PORT_BASE = Number(env('BENCH_SIM_PORT_BASE', '47610'));
const CORE_DIR = env('BENCH_CORE_DIR', '/work/main/dist/wasm');
const OUT = resolve(env('BENCH_OUT', join(BENCH_DIR, 'results')));
const BUDGET_MS = Number(env('BENCH_BUDGET_S', '10')) * 1000;
const ONLY = process.env.BENCH_ONLY?.split(',').map(s => s.trim());

/** The flags the brief prescribes for Debian Chromium in a container, plus --expose-gc for collections between runs. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

const simUrl = (name: string): string => `http://127.0.0.1:${PORT_BASE + SIMS.find(s => s.name === name)!.portOffset}`;
const log = (message: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
const record = <T>(f: (a: Approach) => T): Record<Approach, T> => ({ A: f('A'), B: f('B'), C: f('C') });

async function openPage(browser: Browser): Promise<{ page: Page; initColdMs: number; wasmMemoryBytes: number; crossOriginIsolated: boolean }> {
  const page = await browser.newPage();
  page.on('pageerror', error => log(`page error: ${error.message}`));
  page.on('console', message => {
    if (message.type() === 'error') log(`page console: ${message.text()}`);
  });
  await page.goto(`${PAGE_URL}/`);
  await page.waitForFunction(() => (globalThis as { bench?: unknown }).bench !== undefined);
  const setup = await page.evaluate(
    ([glue, wasm]) => (globalThis as unknown as { bench: Bench }).bench.setup(glue!, wasm!),
    [`${PAGE_URL}/core/conduktor_card_core.js`, `${PAGE_URL}/core/conduktor_card_core_bg.wasm`],
  );
  return { page, ...setup };
}

/** Calls a method of the page's `bench` object. */
function call<K extends keyof Bench>(page: Page, method: K, ...args: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> {
  return page.evaluate(
    ([m, a]) => {
      const bench = (globalThis as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench;
      return bench[m as string]!(...(a as unknown[]));
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;
}

async function runWorkload(browser: Browser, workload: Workload, tokens: Map<string, string>): Promise<WorkloadResult> {
  const sim = simUrl(workload.sim);
  const { page, wasmMemoryBytes: afterInit } = await openPage(browser);
  await call(page, 'prepare', workload, sim, tokens.get(workload.sim)!);

  // One run each with the simulator's log cleared before: requests and body bytes per approach.
  const coldMs = {} as Record<Approach, number>;
  const trafficOf = {} as Record<Approach, Traffic>;
  for (const approach of APPROACHES) {
    await clearLog(sim);
    coldMs[approach] = (await call(page, 'runOnce', approach)).ms;
    trafficOf[approach] = await traffic(sim);
  }
  const recording = await call(page, 'record');
  if (!recording.equivalence.identical) log(`WARNING ${workload.id}: A and C differ ${recording.equivalence.firstDifference}`);
  if (workload.items > 0 && recording.items.A !== workload.items) log(`WARNING ${workload.id}: A returned ${recording.items.A} items, expected ${workload.items}`);

  // Rounds from the first runs' cost, so each workload gets about BUDGET_MS of timed rounds per mode.
  const roundMs = Math.max(1, APPROACHES.reduce((sum, a) => sum + coldMs[a], 0));
  const networkRounds = clamp(Math.floor(BUDGET_MS / roundMs), 10, 60);
  const warmup = roundMs > 1000 ? 1 : 3;
  log(`${workload.id}: ${trafficOf.A.requests} requests, ${(trafficOf.A.bodyBytes / 1e6).toFixed(2)} MB; ${networkRounds} network rounds`);
  const network = await call(page, 'measure', 'network', networkRounds, warmup);
  // Replay skips the simulator and the network: budget it from the fastest network round.
  const replayRoundMs = Math.max(1, APPROACHES.reduce((sum, a) => sum + Math.min(...network.ms[a]), 0) * 0.7);
  const replayRounds = clamp(Math.floor(BUDGET_MS / replayRoundMs), 10, 60);
  log(`${workload.id}: ${replayRounds} replay rounds`);
  const replay = await call(page, 'measure', 'replay', replayRounds, warmup);
  const splits = await call(page, 'splits', clamp(Math.floor(replayRounds / 2), 5, 15));

  let profiles: WorkloadResult['profiles'];
  if (workload.profile) {
    const cdp = await page.context().newCDPSession(page);
    profiles = {};
    for (const approach of ['A', 'C'] as const) profiles[approach] = await profile(cdp, () => call(page, 'replayOnce', approach));
    await cdp.detach();
  }
  const peak = Math.max(...network.wasmMemoryBytes, ...replay.wasmMemoryBytes, await call(page, 'wasmMemoryBytes'));
  await page.close();

  const timesMs = { network: record(a => stats(network.ms[a])), replay: record(a => stats(replay.ms[a])) };
  const bytes = trafficOf.A.bodyBytes;
  const throughput = (mode: Mode) => record(a => Math.round((bytes / 1e6 / (timesMs[mode][a].median / 1000)) * 10) / 10);
  return {
    id: workload.id,
    label: workload.label,
    kind: workload.call.kind,
    items: recording.items,
    traffic: trafficOf,
    equivalence: recording.equivalence,
    coldMs,
    rounds: { network: networkRounds, replay: replayRounds },
    timesMs,
    throughputMBps: { network: throughput('network'), replay: throughput('replay') },
    wasmMemory: { afterInitBytes: afterInit, peakBytes: peak, peakOverBody: Math.round((peak / bytes) * 100) / 100 },
    retainedHeapBytes: recording.retainedHeapBytes,
    splits,
    ...(profiles ? { profiles } : {}),
  };
}

/** Which core was measured: a label (git describe of its folder, or BENCH_CORE_LABEL) and the .wasm's hash. */
function coreIdentity(dir: string): Results['core'] {
  let label = process.env.BENCH_CORE_LABEL ?? '';
  if (!label) {
    try {
      label = `built in a tree at ${execFileSync('git', ['-C', dir, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim()}`;
    } catch {
      label = 'not in a git tree';
    }
  }
  const wasm = readFileSync(join(dir, 'conduktor_card_core_bg.wasm'));
  return { dir, label, wasmSha256: createHash('sha256').update(wasm).digest('hex').slice(0, 16) };
}

async function main(): Promise<void> {
  if (process.argv.includes('--print-sims')) {
    for (const sim of SIMS) console.log(`${sim.name} ${PORT_BASE + sim.portOffset} ${sim.scale}`);
    return;
  }
  const reportDir = process.argv[process.argv.indexOf('--report') + 1];
  if (process.argv.includes('--report') && reportDir) {
    writeReports(JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as Results, reportDir);
    return;
  }
  const started = Date.now();
  const workloads = WORKLOADS.filter(w => !ONLY || ONLY.includes(w.id));
  const tokens = new Map<string, string>();
  for (const sim of new Set(workloads.map(w => w.sim))) tokens.set(sim, await adminToken(simUrl(sim)));

  log('sizing the core and the three clients (esbuild, gzip -9)');
  const sizes = await measureSizes(CORE_DIR, join(BENCH_DIR, 'src'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const machine = describeMachine(`Chromium ${browser.version()}`);
  log(`${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAverageAtStart.join(' ')}, ${machine.chromium}`);
  try {
    const first = await openPage(browser);
    const startup = await call(
      first.page,
      'startup',
      `${PAGE_URL}/core/conduktor_card_core.js`,
      `${PAGE_URL}/core/conduktor_card_core_bg.wasm`,
      30,
      first.initColdMs,
    );
    await first.page.close();
    log(`wasm compile median ${startup.compileMs.median.toFixed(2)} ms, instantiate ${startup.instantiateMs.median.toFixed(2)} ms`);

    const results: WorkloadResult[] = [];
    for (const workload of workloads) results.push(await runWorkload(browser, workload, tokens));

    const end = loadavg().map(l => Math.round(l * 100) / 100);
    const report: Results = {
      issue: 7,
      startedAt: new Date(started).toISOString(),
      durationS: Math.round((Date.now() - started) / 1000),
      machine,
      loadAverageAtEnd: end,
      // The benchmark itself keeps about one core busy; more than that is someone else.
      busyMachine: Math.max(machine.loadAverageAtStart[0]!, end[0]!) > 1.5,
      core: coreIdentity(CORE_DIR),
      crossOriginIsolated: first.crossOriginIsolated,
      sizes,
      startup,
      workloads: results,
    };
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeReports(report, OUT);
    log(`wrote ${OUT}/results.json, results.md and chart.svg`);
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
