/**
 * The workloads of issue 7 and the simulators that serve them: the single source of truth
 * for the page, the driver and run.sh (which asks the driver for the simulator list).
 *
 * `--scale clusters=N` adds N generated clusters to the simulator's 3 seeded ones
 * (prod-eu, staging, dev), and puts every generated topic and group on `scale-0`;
 * hence clusters=7 for 10 clusters, 997 for 1 000 and 9 997 for 10 000.
 */

export type SimName = 'ten-clusters' | 'thousand-clusters' | 'ten-thousand-clusters';

export interface SimSpec {
  readonly name: SimName;
  /** Offset from BENCH_SIM_PORT_BASE. */
  readonly portOffset: number;
  readonly scale: string;
}

export const SIMS: readonly SimSpec[] = [
  // Also the big shared cluster of the README's planning test: 100 000 topics, 20 000 groups.
  { name: 'ten-clusters', portOffset: 0, scale: 'clusters=7,topics=100000,groups=20000' },
  { name: 'thousand-clusters', portOffset: 1, scale: 'clusters=997,topics=1000' },
  { name: 'ten-thousand-clusters', portOffset: 2, scale: 'clusters=9997,topics=10000,groups=10000' },
];

export type Call =
  | { readonly kind: 'clusters' }
  | { readonly kind: 'topics'; readonly cluster: string }
  | { readonly kind: 'groups'; readonly cluster: string }
  | { readonly kind: 'overview'; readonly annotations: Readonly<Record<string, string>> };

export interface Workload {
  readonly id: string;
  readonly label: string;
  readonly sim: SimName;
  readonly call: Call;
  /** Items the call returns, checked against A's answer. */
  readonly items: number;
  readonly pageSize: number;
  readonly maxPages: number;
  /** Take a CPU profile of A and C on this workload (the large ones). */
  readonly profile?: boolean;
}

/**
 * An entity spanning 5 clusters (prod-eu, staging, scale-0, and dev and scale-1 by name):
 * literal topics, prefixes (one of 125 topics: two pages), three consumer groups, and the
 * self-service application `scale-app` owning 31 topics (a label and a prefix search).
 */
export const OVERVIEW_ANNOTATIONS: Readonly<Record<string, string>> = {
  'conduktor.io/topics':
    'prod-eu/payments.orders, prod-eu/click.*, staging/payments.*, scale-0/scale-app.events-3333, scale-0/orders.svc1.*',
  'conduktor.io/consumer-groups': 'prod-eu/payments-processor, staging/payments-processor, scale-0/orders-consumer-1001',
  'conduktor.io/application': 'scale-app',
  'conduktor.io/clusters': 'dev, scale-1',
};

/** The card's defaults for v1 searches; the groups workload raises them to read all 10 000. */
const CARD_PAGING = { pageSize: 100, maxPages: 10 };

export const WORKLOADS: readonly Workload[] = [
  { id: 'clusters-10', label: '10 clusters', sim: 'ten-clusters', call: { kind: 'clusters' }, items: 10, ...CARD_PAGING },
  { id: 'clusters-1k', label: '1 000 clusters', sim: 'thousand-clusters', call: { kind: 'clusters' }, items: 1_000, ...CARD_PAGING },
  {
    id: 'clusters-10k',
    label: '10 000 clusters',
    sim: 'ten-thousand-clusters',
    call: { kind: 'clusters' },
    items: 10_000,
    ...CARD_PAGING,
    profile: true,
  },
  { id: 'topics-1k', label: '1 000 topics', sim: 'thousand-clusters', call: { kind: 'topics', cluster: 'scale-0' }, items: 1_000, ...CARD_PAGING },
  {
    id: 'topics-10k',
    label: '10 000 topics',
    sim: 'ten-thousand-clusters',
    call: { kind: 'topics', cluster: 'scale-0' },
    items: 10_000,
    ...CARD_PAGING,
  },
  {
    id: 'topics-100k',
    label: '100 000 topics',
    sim: 'ten-clusters',
    call: { kind: 'topics', cluster: 'scale-0' },
    items: 100_000,
    ...CARD_PAGING,
    profile: true,
  },
  {
    id: 'groups-10k',
    label: '10 000 consumer groups (10 pages of 1 000)',
    sim: 'ten-thousand-clusters',
    call: { kind: 'groups', cluster: 'scale-0' },
    items: 10_000,
    pageSize: 1_000,
    maxPages: 100,
    profile: true,
  },
  {
    id: 'overview-5',
    label: 'entity overview over 5 clusters (100 000-topic cluster)',
    sim: 'ten-clusters',
    call: { kind: 'overview', annotations: OVERVIEW_ANNOTATIONS },
    // topics + consumer groups + clusters in the overview; checked against A at run time.
    items: 0,
    ...CARD_PAGING,
  },
];

export type Approach = 'A' | 'B' | 'C';
export const APPROACHES: readonly Approach[] = ['A', 'B', 'C'];

export const APPROACH_NAMES: Readonly<Record<Approach, string>> = {
  A: 'wasm core',
  B: 'fetch + json() (no validation)',
  C: 'TypeScript + valibot',
};

/** Network: real requests to the simulator. Replay: the same responses from memory. */
export type Mode = 'network' | 'replay';
