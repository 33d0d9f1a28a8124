/**
 * The annotation syntax `fetchEntityOverview` reads (see the README's table), parsed the
 * way the core's `annotations.rs` does: comma-separated, trimmed, deduplicated, in order.
 * Validation is lighter than the core's (names are only checked for a cluster part):
 * the benchmark feeds valid annotations, and this is a cost the core pays, not B or C.
 */
export interface TopicRef {
  readonly cluster: string;
  /** The literal name, or the prefix without its `*`. */
  readonly name: string;
  readonly prefix: boolean;
}

export interface GroupRef {
  readonly cluster: string;
  readonly name: string;
}

export interface EntityRefs {
  readonly applications: string[];
  readonly clusters: string[];
  readonly topics: TopicRef[];
  readonly groups: GroupRef[];
}

const TOPICS = 'conduktor.io/topics';
const GROUPS = ['conduktor.io/consumer-groups', 'kafka.apache.org/consumer-groups'];
const APPLICATION = 'conduktor.io/application';
const CLUSTERS = 'conduktor.io/clusters';

function entries(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(e => e.trim())
    .filter(e => e !== '');
}

function pushUnique<T>(list: T[], item: T, same: (a: T, b: T) => boolean): void {
  if (!list.some(existing => same(existing, item))) list.push(item);
}

function splitCluster(key: string, entry: string): [string, string] {
  const slash = entry.indexOf('/');
  const cluster = slash < 0 ? '' : entry.slice(0, slash).trim();
  const rest = slash < 0 ? '' : entry.slice(slash + 1).trim();
  if (cluster === '' || rest === '') throw new Error(`annotation ${key}: expected <cluster>/<name>, got "${entry}"`);
  return [cluster, rest];
}

export function parseAnnotations(annotations: Record<string, string>): EntityRefs {
  const refs: EntityRefs = { applications: [], clusters: [], topics: [], groups: [] };
  for (const name of entries(annotations[APPLICATION])) pushUnique(refs.applications, name, (a, b) => a === b);
  for (const name of entries(annotations[CLUSTERS])) pushUnique(refs.clusters, name, (a, b) => a === b);
  for (const entry of entries(annotations[TOPICS])) {
    const [cluster, rest] = splitCluster(TOPICS, entry);
    const prefix = rest.endsWith('*');
    const topic = { cluster, name: prefix ? rest.slice(0, -1) : rest, prefix };
    pushUnique(refs.topics, topic, (a, b) => a.cluster === b.cluster && a.name === b.name && a.prefix === b.prefix);
  }
  for (const key of GROUPS) {
    for (const entry of entries(annotations[key])) {
      const [cluster, name] = splitCluster(key, entry);
      pushUnique(refs.groups, { cluster, name }, (a, b) => a.cluster === b.cluster && a.name === b.name);
    }
  }
  return refs;
}

export function isEmpty(refs: EntityRefs): boolean {
  return refs.applications.length + refs.clusters.length + refs.topics.length + refs.groups.length === 0;
}
