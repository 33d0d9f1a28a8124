/** results.md and chart.svg from results.json: the tables the README quotes. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartSvg } from './chart';
import type { Results, WorkloadResult } from './results';
import type { Stats } from '../shared/stats';
import { APPROACH_NAMES, type Mode } from '../shared/workloads';

/** Milliseconds with the precision they deserve. */
export function ms(v: number): string {
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : kb(bytes));
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
const spread = (s: Stats): string => `${ms(s.median)} (${ms(s.p10)}–${ms(s.p90)})`;

function timeTable(results: Results, mode: Mode): string[] {
  const rows = [
    '| workload | requests | bodies | A wasm core | B fetch+json | C valibot | A/B | A/C |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const w of results.workloads) {
    const t = w.timesMs[mode];
    rows.push(
      `| ${w.label} | ${w.traffic.A.requests} | ${mb(w.traffic.A.bodyBytes)} | ${spread(t.A)} | ${spread(t.B)} | ${spread(t.C)} | ${ratio(t.A.median, t.B.median)} | ${ratio(t.A.median, t.C.median)} |`,
    );
  }
  return rows;
}

function throughputTable(results: Results): string[] {
  const rows = [
    '| workload | A MB/s | B MB/s | C MB/s | A ÷ B | A ÷ C | wasm memory peak | peak ÷ bodies | JS heap held by the answer A / B / C |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const w of results.workloads) {
    const t = w.throughputMBps.replay;
    const h = w.retainedHeapBytes;
    rows.push(
      `| ${w.label} | ${t.A} | ${t.B} | ${t.C} | ${(t.A / t.B).toFixed(2)} | ${(t.A / t.C).toFixed(2)} | ${mb(w.wasmMemory.peakBytes)} | ${w.wasmMemory.peakOverBody}× | ${mb(h.A)} / ${mb(h.B)} / ${mb(h.C)} |`,
    );
  }
  return rows;
}

function splitTable(results: Results): string[] {
  const rows = [
    '| workload | approach | call → fetch | fetch → body read (A: arrayBuffer(), B/C: json()) | body read → usable data | total |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const w of results.workloads) {
    for (const a of ['A', 'B', 'C'] as const) {
      const s = w.splits[a];
      rows.push(`| ${w.label} | ${a} | ${ms(s.beforeFetchMs.median)} | ${ms(s.bodyMs.median)} | ${ms(s.afterBodyMs.median)} | ${ms(s.totalMs.median)} |`);
    }
  }
  return rows;
}

const PROFILE_NOTE =
  'How to read the profiles: B\'s and C\'s `JSON.parse` shows up as self time of `send` (the function awaiting `response.json()`) and of the native `json`; `~run` is valibot; `passStringToWasm0` is the glue copying the body string into wasm memory (UTF-16 to UTF-8, a JavaScript loop per character for ASCII); `wasm-function[n]` is the core (names are stripped by wasm-opt); `(program)` is native time the sampler could not attribute to a JS or wasm frame (a Chrome trace of the same run shows it inside the microtask that runs the core, not in compilation or GC).';

function profileSection(w: WorkloadResult): string[] {
  if (!w.profiles) return [];
  const out = [`**${w.label}** (one replayed run, self time by category, ms):`, ''];
  for (const [approach, p] of Object.entries(w.profiles)) {
    if (!p) continue;
    const cats = Object.entries(p.byCategoryMs).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
    const top = p.topFunctions.slice(0, 5).map(f => `\`${f.name}\` ${ms(f.selfMs)}`).join(', ');
    out.push(`- ${approach} (${ms(p.totalMs)} ms sampled): ${cats}. Top functions: ${top}.`);
  }
  return [...out, ''];
}

function goals(results: Results): string[] {
  const topicRuns = results.workloads.filter(w => w.kind === 'topics' && w.items.A >= 10_000);
  const t = (w: WorkloadResult) => w.throughputMBps.replay;
  const third = topicRuns.every(w => t(w).A >= t(w).B / 3);
  const twiceC = topicRuns.every(w => t(w).A >= 2 * t(w).C);
  const wasmPlusGlue = results.sizes.wasm.gzip + results.sizes.glue.gzip;
  const startMs = results.startup.compileMs.median + results.startup.instantiateMs.median;
  const worstMemory = Math.max(...results.workloads.filter(w => w.traffic.A.bodyBytes > 1e6).map(w => w.wasmMemory.peakOverBody));
  const topicsMeasured = topicRuns.length > 0;
  const bigBodies = results.workloads.filter(w => w.traffic.A.bodyBytes > 1e6);
  const mark = (ok: boolean, measured = true): string => (!measured ? 'not measured in this run' : ok ? 'met' : '**not met**');
  return [
    '| goal (issue 7) | measured | |',
    '|---|---|---|',
    `| decode throughput on 10 000+ topics ≥ ⅓ of B | ${topicRuns.map(w => `${t(w).A} vs ${(t(w).B / 3).toFixed(1)} MB/s`).join('; ')} | ${mark(third, topicsMeasured)} |`,
    `| … and ≥ 2× C | ${topicRuns.map(w => `${t(w).A} vs ${(2 * t(w).C).toFixed(1)} MB/s`).join('; ')} | ${mark(twiceC, topicsMeasured)} |`,
    `| wasm + glue ≤ 40 KB gzip | ${kb(wasmPlusGlue)} | ${mark(wasmPlusGlue <= 40_000)} |`,
    `| compile + instantiate ≤ 5 ms | ${ms(startMs)} ms | ${mark(startMs <= 5)} |`,
    `| peak wasm memory ≤ 3× response (bodies over 1 MB) | worst ${worstMemory}× | ${mark(worstMemory <= 3, bigBodies.length > 0)} |`,
  ];
}

export function markdown(results: Results): string {
  const m = results.machine;
  const s = results.sizes;
  const st = results.startup;
  const busy = results.busyMachine
    ? `**Busy machine:** load average ${m.loadAverageAtStart[0]} at the start and ${results.loadAverageAtEnd[0]} at the end on ${m.cores} cores (other builds were running), so read ratios rather than absolutes.`
    : `Load average ${m.loadAverageAtStart[0]} at the start, ${results.loadAverageAtEnd[0]} at the end.`;
  const mismatches = results.workloads.filter(w => !w.equivalence.identical);
  return [
    '# Benchmark results: wasm core (A) vs fetch + json() (B) vs TypeScript + valibot (C)',
    '',
    `Run ${results.startedAt} in ${results.durationS} s on ${m.cpuModel} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.chromium} headless, Node ${m.node}, ${m.kernel}. ${busy}`,
    `Core under test: \`${results.core.dir}\` (${results.core.label}; .wasm sha256 ${results.core.wasmSha256}…). Page cross-origin isolated (5 µs timers): ${results.crossOriginIsolated ? 'yes' : 'no (100 µs timers)'}.`,
    '',
    `A: ${APPROACH_NAMES.A}; B: ${APPROACH_NAMES.B}; C: ${APPROACH_NAMES.C}. Medians in ms, p10–p90 in brackets; ratios of medians (below 1× A is faster).`,
    `A's and C's answers were compared as JSON on every workload: ${mismatches.length === 0 ? 'identical on all of them' : `**they differ on ${mismatches.map(w => w.id).join(', ')}**`}.`,
    '',
    '## Call to usable data, against the simulator (loopback)',
    '',
    ...timeTable(results, 'network'),
    '',
    '## Client cost only: the same responses replayed from memory',
    '',
    'The simulator and the network removed (`fetch` answers from a recording), so this is what each client spends in the page: request building, body read, decode, validation, object creation.',
    '',
    ...timeTable(results, 'replay'),
    '',
    '## Decode throughput and memory',
    '',
    'Throughput: response-body MB (10⁶ B) per second of median replayed time. Wasm memory: `memory.buffer.byteLength` after the runs, on a page fresh for each workload (linear memory never shrinks, so this is the peak). JS heap held: `performance.memory` growth after a collection, with the answer still referenced.',
    '',
    ...throughputTable(results),
    '',
    '## Sizes and start-up',
    '',
    '| | raw | gzip -9 |',
    '|---|---:|---:|',
    `| \`.wasm\` | ${kb(s.wasm.raw)} | ${kb(s.wasm.gzip)} |`,
    `| glue (\`conduktor_card_core.js\` + snippets) | ${kb(s.glue.raw)} | ${kb(s.glue.gzip)} |`,
    '',
    'What each approach adds to an app (esbuild bundle of its client alone, minified, ESM):',
    '',
    '| approach | JS minified | JS gzip | total gzip (A: + .wasm) |',
    '|---|---:|---:|---:|',
    ...(['A', 'B', 'C'] as const).map(a => `| ${a} ${APPROACH_NAMES[a]} | ${kb(s.bundles[a].minified.raw)} | ${kb(s.bundles[a].minified.gzip)} | ${kb(s.bundles[a].totalGzip)} |`),
    '',
    `Wasm start-up over ${st.compileMs.n} repetitions: \`WebAssembly.compile\` ${spread(st.compileMs)} ms, instantiate (glue \`init\` on the compiled module) ${spread(st.instantiateMs)} ms; one cold \`init(url)\` (fetch + streaming compile + instantiate) ${ms(st.initColdMs)} ms. First runs on a fresh page (A includes V8's lazy compilation of the wasm it reaches): ${results.workloads.map(w => `${w.id} A ${ms(w.coldMs.A)} / B ${ms(w.coldMs.B)} / C ${ms(w.coldMs.C)}`).join('; ')}.`,
    '',
    '## Goals of issue 7 (measured, not asserted)',
    '',
    ...goals(results),
    '',
    '## Where the time goes (replayed runs)',
    '',
    ...splitTable(results),
    '',
    ...(results.workloads.some(w => w.profiles) ? [PROFILE_NOTE, ''] : []),
    ...results.workloads.flatMap(profileSection),
    '![time against payload size](chart.svg)',
    '',
  ].join('\n');
}

export function writeReports(results: Results, dir: string): void {
  writeFileSync(join(dir, 'results.md'), markdown(results));
  writeFileSync(join(dir, 'chart.svg'), chartSvg(results));
}
