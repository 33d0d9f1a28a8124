import type {
  ConduktorErrorKind,
  EntityOverview,
  Problem,
  Truncation,
} from './api/types.js';

/**
 * What the card says about what did not load: the single no-access summary when
 * Console refused everything the entity names, otherwise the problems grouped by
 * cluster with each sentence said once. Pure, tested in problems.test.ts.
 */

/** Kinds that mean "Console will not show you this": a 403, or a name it says it does not know. */
const REFUSALS: ReadonlySet<ConduktorErrorKind> = new Set<ConduktorErrorKind>([
  'forbidden',
  'not-found',
]);

export function isRefusal(problem: Problem): boolean {
  return REFUSALS.has(problem.kind);
}

/**
 * True when the entity names something, nothing of it loaded and every problem is a
 * refusal: then one sentence says so instead of a problem per request. An
 * application's own record (title, owner) does not count as access to its Kafka
 * resources, so it does not prevent the summary.
 */
export function isNoAccess(overview: EntityOverview): boolean {
  const { clusters, topics, consumerGroups, problems } = overview;
  return (
    overview.annotated &&
    problems.length > 0 &&
    problems.every(isRefusal) &&
    clusters.length + topics.length + consumerGroups.length === 0
  );
}

/** One cluster (or none) and the distinct resources asked for there, in the order met. */
export interface AskedWhere {
  cluster?: string;
  resources: string[];
}

/**
 * What was asked for, by cluster: the no-access summary's parts. A cluster's own
 * "cluster prod-eu" entry is dropped when more specific resources name it.
 */
export function askedByCluster(problems: Problem[]): AskedWhere[] {
  const groups = groupBy(problems, p => p.cluster);
  return groups.map(({ key: cluster, items }) => {
    const resources = unique(
      items.map(p => p.resource).filter((r): r is string => Boolean(r)),
    );
    const specific = resources.filter(r => r !== `cluster ${cluster}`);
    if (specific.length > 0) return { cluster, resources: specific };
    // Problems about no cluster keep every resource; a cluster's own entry is said by its name.
    return { cluster, resources: cluster === undefined ? resources : [] };
  });
}

/**
 * "You have no access in Conduktor to what payments-api uses: prod-eu (topics
 * payments.*, consumer group payments-processor), staging (topic payments.orders).
 * Ask your Conduktor administrator."
 */
export function noAccessSentence(
  entityName: string,
  problems: Problem[],
): string {
  const parts = askedByCluster(problems).map(({ cluster, resources }) => {
    if (cluster === undefined) return resources.join(', ');
    return resources.length > 0
      ? `${cluster} (${resources.join(', ')})`
      : cluster;
  });
  const what = parts.filter(Boolean).join(', ');
  return `You have no access in Conduktor to what ${entityName} uses${
    what ? `: ${what}` : ''
  }. Ask your Conduktor administrator.`;
}

/** One sentence and every resource it is about: the same message is never repeated. */
export interface ProblemNote {
  severity: 'danger' | 'warning' | 'info';
  message: string;
  resources: string[];
}

export interface ClusterProblems {
  /** Absent for problems about no cluster (an application, Console as a whole). */
  cluster?: string;
  notes: ProblemNote[];
}

/** Problems and truncations grouped by cluster, identical sentences merged within a cluster. */
export function problemsByCluster(
  problems: Problem[],
  truncations: Truncation[] = [],
): ClusterProblems[] {
  const entries: {
    cluster?: string;
    severity: ProblemNote['severity'];
    message: string;
    resource?: string;
  }[] = [
    ...problems.map(p => ({
      cluster: p.cluster,
      severity: severityOf(p),
      message: p.message,
      resource: p.resource,
    })),
    ...truncations.map(t => ({
      cluster: t.cluster,
      severity: 'info' as const,
      message: `Showing the first ${t.shown}${
        t.total !== undefined ? ` of ${t.total}` : ''
      } ${t.what}: open Conduktor Console for the rest.`,
    })),
  ];
  return groupBy(entries, e => e.cluster).map(({ key: cluster, items }) => ({
    cluster,
    notes: groupBy(items, e => `${e.severity}\u0000${e.message}`).map(
      ({ items: same }) => ({
        severity: same[0].severity,
        message: same[0].message,
        resources: unique(
          same.map(e => e.resource).filter((r): r is string => Boolean(r)),
        ),
      }),
    ),
  }));
}

/** Refusals are the user's permissions, not a fault: said as information. */
function severityOf(problem: Problem): ProblemNote['severity'] {
  if (isRefusal(problem)) return 'info';
  return ['server', 'network', 'timeout', 'decode', 'http'].includes(
    problem.kind,
  )
    ? 'danger'
    : 'warning';
}

function groupBy<T, K>(
  items: T[],
  key: (item: T) => K,
): { key: K; items: T[] }[] {
  const groups: { key: K; items: T[] }[] = [];
  for (const item of items) {
    const k = key(item);
    const group = groups.find(g => g.key === k);
    if (group) group.items.push(item);
    else groups.push({ key: k, items: [item] });
  }
  return groups;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
