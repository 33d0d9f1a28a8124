/**
 * The benchmark page. The driver (Node + playwright-core) opens it once per workload, so
 * each workload starts from a fresh wasm instance (linear memory only grows: its size after
 * a workload is that workload's peak) and a fresh JavaScript heap. Everything runs in this
 * one page, A, B and C interleaved round by round, so they share the machine's noise.
 */
import { createCarefulClient } from '../clients/careful/client';
import type { Client, ClientConfig } from '../clients/config';
import { createCoreClient, type CoreModule } from '../clients/core';
import { createNativeClient } from '../clients/native';
import { stats, type Stats } from '../shared/stats';
import { type Approach, APPROACHES, type Call, type Mode, type Workload } from '../shared/workloads';
import { compareOutputs, countItems, type Equivalence } from './compare';
import { measureStartup } from './startup';
import { Tape } from './tape';

let core: CoreModule | null = null;
let memory: WebAssembly.Memory | null = null;
let clients: Record<Approach, Client> | null = null;
let workload: Workload | null = null;
const tape = new Tape();

/** Exposed by --js-flags=--expose-gc: collecting before each run keeps one approach's garbage off the next one's clock. */
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapUsed = (): number => (performance as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
const settle = (): Promise<void> => new Promise(resolve => setTimeout(resolve, 0));

function invoke(client: Client, call: Call): Promise<unknown> {
  switch (call.kind) {
    case 'clusters':
      return client.clusters();
    case 'topics':
      return client.topics(call.cluster);
    case 'groups':
      return client.consumerGroups(call.cluster);
    case 'overview':
      return client.entityOverview({ ...call.annotations });
  }
}

function run(approach: Approach): Promise<unknown> {
  if (!clients || !workload) throw new Error('prepare() first');
  return invoke(clients[approach], workload.call);
}

async function runIn(approach: Approach, mode: Mode): Promise<unknown> {
  return mode === 'network' ? run(approach) : tape.replay(approach, () => run(approach));
}

export interface RoundSamples {
  ms: Record<Approach, number[]>;
  /** Wasm linear memory after each A run; it never shrinks. */
  wasmMemoryBytes: number[];
}

export interface Recording {
  equivalence: Equivalence;
  items: Record<Approach, number>;
  /** Bytes of response bodies each approach received (from the tape). */
  bodyBytes: Record<Approach, number>;
  /** JS heap held by the answer (after a collection) per approach, from performance.memory. */
  retainedHeapBytes: Record<Approach, number>;
}

export interface Splits {
  /** Call to first fetch(): argument checks and request building. */
  beforeFetchMs: Stats;
  /** fetch() to body read (text() for A, json() for B and C), summed over requests. */
  bodyMs: Stats;
  /** Last body read to usable data: A's decode in wasm and conversion to JS objects, C's validation. */
  afterBodyMs: Stats;
  totalMs: Stats;
}

const bench = {
  async setup(glueUrl: string, wasmUrl: string): Promise<{ initColdMs: number; wasmMemoryBytes: number; crossOriginIsolated: boolean }> {
    core = (await import(/* @vite-ignore */ glueUrl)) as CoreModule;
    const t0 = performance.now();
    const exports = await core.default({ module_or_path: wasmUrl });
    const initColdMs = performance.now() - t0;
    memory = exports.memory;
    return { initColdMs, wasmMemoryBytes: memory.buffer.byteLength, crossOriginIsolated: globalThis.crossOriginIsolated };
  },

  startup(glueUrl: string, wasmUrl: string, repeats: number, initColdMs: number) {
    return measureStartup(glueUrl, wasmUrl, repeats, initColdMs);
  },

  prepare(w: Workload, proxyBase: string, token: string): void {
    if (!core) throw new Error('setup() first');
    workload = w;
    const config: ClientConfig = { token, proxyBase, proxyPath: '/api', pageSize: w.pageSize, maxPages: w.maxPages };
    clients = { A: createCoreClient(core, config), B: createNativeClient(config), C: createCarefulClient(config) };
  },

  /**
   * One network run, for the driver to read the simulator's request log around it. The
   * driver's first call per approach is that approach's cold run (A's includes V8's lazy
   * compilation of the wasm functions it reaches).
   */
  async runOnce(approach: Approach): Promise<{ ms: number; items: number }> {
    gc();
    const t0 = performance.now();
    const out = await run(approach);
    return { ms: performance.now() - t0, items: countItems(out) };
  },

  /** Records each approach's responses for replay, and checks A and C agree. */
  async record(): Promise<Recording> {
    const outputs = {} as Record<Approach, unknown>;
    const retained = {} as Record<Approach, number>;
    for (const approach of APPROACHES) {
      gc();
      const before = heapUsed();
      outputs[approach] = await tape.record(approach, () => run(approach));
      gc();
      retained[approach] = heapUsed() - before;
    }
    const count = (a: Approach): number => countItems(outputs[a]);
    return {
      equivalence: compareOutputs(outputs.A, outputs.C),
      items: { A: count('A'), B: count('B'), C: count('C') },
      bodyBytes: { A: tape.bodyBytes('A'), B: tape.bodyBytes('B'), C: tape.bodyBytes('C') },
      retainedHeapBytes: retained,
    };
  },

  /** `warmup` untimed rounds, then `rounds` timed ones; the order of A, B, C rotates each round. */
  async measure(mode: Mode, rounds: number, warmup: number): Promise<RoundSamples> {
    const samples: RoundSamples = { ms: { A: [], B: [], C: [] }, wasmMemoryBytes: [] };
    for (let round = -warmup; round < rounds; round++) {
      const shift = ((round % 3) + 3) % 3;
      const order = [...APPROACHES.slice(shift), ...APPROACHES.slice(0, shift)];
      for (const approach of order) {
        gc();
        await settle();
        const t0 = performance.now();
        await runIn(approach, mode);
        const ms = performance.now() - t0;
        if (round >= 0) samples.ms[approach].push(ms);
        if (approach === 'A') samples.wasmMemoryBytes.push(memory!.buffer.byteLength);
      }
    }
    return samples;
  },

  /** Replayed runs with the body reads timestamped: where each approach spends its time. */
  async splits(rounds: number): Promise<Record<Approach, Splits>> {
    const out = {} as Record<Approach, Splits>;
    for (const approach of APPROACHES) {
      const before: number[] = [];
      const body: number[] = [];
      const after: number[] = [];
      const total: number[] = [];
      for (let i = 0; i < rounds; i++) {
        gc();
        await settle();
        const t0 = performance.now();
        await tape.replay(approach, () => run(approach), true);
        const end = performance.now();
        const marks = tape.takeMarks()!;
        before.push(marks.firstFetch - t0);
        body.push(marks.bodyTotal);
        after.push(end - marks.lastBody);
        total.push(end - t0);
      }
      out[approach] = { beforeFetchMs: stats(before), bodyMs: stats(body), afterBodyMs: stats(after), totalMs: stats(total) };
    }
    return out;
  },

  /** A single replayed run, for the driver's CPU profile. */
  async replayOnce(approach: Approach): Promise<number> {
    gc();
    const t0 = performance.now();
    await runIn(approach, 'replay');
    return performance.now() - t0;
  },

  wasmMemoryBytes: (): number => memory?.buffer.byteLength ?? 0,
};

export type Bench = typeof bench;
(globalThis as { bench?: Bench }).bench = bench;
document.title = 'bench ready';
