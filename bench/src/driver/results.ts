/** The shape of bench/results/results.json, shared by the driver and the report writer. */
import type { Machine } from './machine';
import type { ProfileSummary } from './profile';
import type { Sizes } from './sizes';
import type { Stats } from '../shared/stats';
import type { Approach, Mode } from '../shared/workloads';
import type { Equivalence } from '../page/compare';
import type { Splits } from '../page/main';
import type { Startup } from '../page/startup';
import type { Traffic } from './sim';

export interface WorkloadResult {
  id: string;
  label: string;
  kind: string;
  /** Items A returned (list length, or the overview's clusters + topics + groups). */
  items: Record<Approach, number>;
  /** Per approach, from the simulator's request log around one run of it. */
  traffic: Record<Approach, Traffic>;
  equivalence: Equivalence;
  /** First run on a fresh page (A includes V8's lazy compilation of the wasm it reaches). */
  coldMs: Record<Approach, number>;
  rounds: Record<Mode, number>;
  timesMs: Record<Mode, Record<Approach, Stats>>;
  /** Response body MB (10^6 bytes) per median second, per mode. */
  throughputMBps: Record<Mode, Record<Approach, number>>;
  wasmMemory: { afterInitBytes: number; peakBytes: number; peakOverBody: number };
  retainedHeapBytes: Record<Approach, number>;
  splits: Record<Approach, Splits>;
  profiles?: Partial<Record<Approach, ProfileSummary>>;
}

export interface Results {
  issue: 7;
  startedAt: string;
  durationS: number;
  machine: Machine;
  loadAverageAtEnd: number[];
  /** True when the load average said other work shared the CPU during the run. */
  busyMachine: boolean;
  core: { dir: string; label: string; wasmSha256: string };
  crossOriginIsolated: boolean;
  sizes: Sizes;
  startup: Startup;
  workloads: WorkloadResult[];
}
