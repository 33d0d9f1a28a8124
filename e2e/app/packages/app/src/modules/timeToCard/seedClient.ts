/**
 * The seed's approach, for the time-to-card measurement only (scripts/time-to-card.sh):
 * native `fetch` + `response.json()`, nothing validated or dropped, sending exactly the
 * requests the wasm core plans (src/plan.rs, src/client.rs): round 1 from the
 * annotations (the cluster list; per literal topic its one-page name search and its GET
 * by name; per prefix and per consumer group a name search; per application the
 * application and its instances), round 2 from the instances (the ownership-label
 * search and one search per owned resource pattern, unless round 1 asked it already),
 * and for each search page 1 then pages 2..N together. Every request of a round starts
 * at once, as the core's do. `onAnswer` is called as each answer arrives, so the card
 * can draw what it has.
 */

const APPLICATION_LABEL = 'conduktor.io/application';
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

export interface SeedRequestContext {
  token: string;
  /** `${proxyBase}${proxyPath}`, e.g. http://127.0.0.1:7007/api/proxy/conduktor */
  base: string;
  signal: AbortSignal;
}

type Fetch =
  | { kind: 'clusters' }
  | { kind: 'application'; name: string }
  | { kind: 'instances'; name: string }
  | { kind: 'topics'; cluster: string; filter: unknown; maxPages: number }
  | { kind: 'topic'; cluster: string; name: string }
  | { kind: 'groups'; cluster: string; contains: string };

export interface WireItem {
  name: string;
  [key: string]: unknown;
}

interface WireInstance {
  spec?: { cluster?: string; resources?: { type: string; name: string; patternType?: string }[] };
}

export interface SeedAnswers {
  clusters?: { metadata: { name: string }; spec?: { displayName?: string } }[];
  /** Search results by request key. */
  searches: Map<string, WireItem[]>;
  /** Topic resources read by name (`metadata.name`, `spec`). */
  topicsByName: Map<string, Record<string, unknown>>;
  applications: Map<string, unknown>;
  instances: Map<string, WireInstance[]>;
  /** Requests that failed (the seed shows what loaded; the measurement flags the view). */
  failures: number;
}

export interface Refs {
  applications: string[];
  clusters: string[];
  topics: { cluster: string; name: string; prefix: boolean }[];
  groups: { cluster: string; name: string }[];
}

function entries(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(e => e.trim())
    .filter(e => e !== '');
}

function split(entry: string): [string, string] {
  const slash = entry.indexOf('/');
  return [entry.slice(0, slash).trim(), entry.slice(slash + 1).trim()];
}

export function parseAnnotations(annotations: Record<string, string> = {}): Refs {
  const refs: Refs = { applications: [], clusters: [], topics: [], groups: [] };
  refs.applications = [...new Set(entries(annotations['conduktor.io/application']))];
  refs.clusters = [...new Set(entries(annotations['conduktor.io/clusters']))];
  for (const entry of entries(annotations['conduktor.io/topics'])) {
    const [cluster, rest] = split(entry);
    const prefix = rest.endsWith('*');
    const topic = { cluster, name: prefix ? rest.slice(0, -1) : rest, prefix };
    if (!refs.topics.some(t => t.cluster === topic.cluster && t.name === topic.name && t.prefix === topic.prefix)) refs.topics.push(topic);
  }
  for (const key of ['conduktor.io/consumer-groups', 'kafka.apache.org/consumer-groups']) {
    for (const entry of entries(annotations[key])) {
      const [cluster, name] = split(entry);
      if (!refs.groups.some(g => g.cluster === cluster && g.name === name)) refs.groups.push({ cluster, name });
    }
  }
  return refs;
}

const nameFilter = (contains: string) => ({ type: 'TopicNameFilter', contains });

export function keyOf(fetch: Fetch): string {
  return JSON.stringify(fetch);
}

export function topicSearchKey(cluster: string, filter: unknown, maxPages: number): string {
  return keyOf({ kind: 'topics', cluster, filter, maxPages });
}

export function groupSearchKey(cluster: string, contains: string): string {
  return keyOf({ kind: 'groups', cluster, contains });
}

export { nameFilter };

function firstRound(refs: Refs): Fetch[] {
  const fetches: Fetch[] = [{ kind: 'clusters' }];
  for (const t of refs.topics) {
    if (t.prefix) fetches.push({ kind: 'topics', cluster: t.cluster, filter: nameFilter(t.name), maxPages: MAX_PAGES });
    else {
      fetches.push({ kind: 'topics', cluster: t.cluster, filter: nameFilter(t.name), maxPages: 1 });
      fetches.push({ kind: 'topic', cluster: t.cluster, name: t.name });
    }
  }
  for (const g of refs.groups) fetches.push({ kind: 'groups', cluster: g.cluster, contains: g.name });
  for (const name of refs.applications) fetches.push({ kind: 'application', name }, { kind: 'instances', name });
  return fetches;
}

function ownedRound(application: string, instances: WireInstance[]): Fetch[] {
  const fetches: Fetch[] = [];
  for (const instance of instances) {
    const cluster = instance.spec?.cluster;
    if (!cluster) continue;
    fetches.push({ kind: 'topics', cluster, filter: { type: 'LabelsFilter', key: APPLICATION_LABEL, values: [application] }, maxPages: MAX_PAGES });
    for (const resource of instance.spec?.resources ?? []) {
      if (resource.type === 'TOPIC') fetches.push({ kind: 'topics', cluster, filter: nameFilter(resource.name), maxPages: MAX_PAGES });
      if (resource.type === 'CONSUMER_GROUP') fetches.push({ kind: 'groups', cluster, contains: resource.name });
    }
  }
  return fetches;
}

const segment = encodeURIComponent;

async function send(ctx: SeedRequestContext, path: string, init: { method?: string; body?: unknown } = {}): Promise<any> {
  const headers: Record<string, string> = { Authorization: `Bearer ${ctx.token}`, Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${ctx.base}/${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'omit',
    signal: ctx.signal,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${path}`);
  return response.json();
}

/** Page 1, then pages 2..N together (at most `maxPages`), as the core follows a search. */
async function search(ctx: SeedRequestContext, cluster: string, what: 'topics' | 'consumergroups', filter: unknown[], maxPages: number): Promise<WireItem[]> {
  const path = `public/v1/clusters/${segment(cluster)}/${what}`;
  const body = (page: number) => ({ page, itemsPerPage: PAGE_SIZE, sort: 'ByName', filter });
  const first = await send(ctx, path, { method: 'POST', body: body(1) });
  const items: WireItem[] = [...(first.data ?? [])];
  const totalPages = Number(first.totalPages ?? 1);
  if (items.length === 0 || totalPages <= 1) return items;
  const last = Math.min(totalPages, Math.max(maxPages, 1));
  const rest = await Promise.all(Array.from({ length: last - 1 }, (_, i) => send(ctx, path, { method: 'POST', body: body(i + 2) })));
  for (const page of rest) items.push(...(page.data ?? []));
  return items;
}

async function run(ctx: SeedRequestContext, fetch: Fetch, answers: SeedAnswers): Promise<void> {
  switch (fetch.kind) {
    case 'clusters':
      answers.clusters = await send(ctx, 'public/console/v2/kafka-cluster');
      return;
    case 'application':
      answers.applications.set(fetch.name, await send(ctx, `public/self-serve/v1/application/${segment(fetch.name)}`));
      return;
    case 'instances':
      answers.instances.set(fetch.name, await send(ctx, `public/self-serve/v1/application-instance?application=${segment(fetch.name)}`));
      return;
    case 'topic':
      answers.topicsByName.set(`${fetch.cluster}/${fetch.name}`, await send(ctx, `public/kafka/v2/cluster/${segment(fetch.cluster)}/topic/${segment(fetch.name)}`));
      return;
    case 'topics':
      answers.searches.set(keyOf(fetch), await search(ctx, fetch.cluster, 'topics', [fetch.filter], fetch.maxPages));
      return;
    case 'groups':
      answers.searches.set(keyOf(fetch), await search(ctx, fetch.cluster, 'consumergroups', [{ type: 'OnConsumerGroupName', contains: fetch.contains }], MAX_PAGES));
      return;
  }
}

/**
 * Sends the plan's rounds; calls `onAnswer` after each answer (or failure, which the
 * seed only counts). Resolves when every round is done.
 */
export async function loadSeedOverview(ctx: SeedRequestContext, refs: Refs, onAnswer: (answers: SeedAnswers) => void): Promise<SeedAnswers> {
  const answers: SeedAnswers = { searches: new Map(), topicsByName: new Map(), applications: new Map(), instances: new Map(), failures: 0 };
  const asked = new Set<string>();
  const round = (fetches: Fetch[]) =>
    Promise.all(
      fetches
        .filter(f => !asked.has(keyOf(f)) && asked.add(keyOf(f)))
        .map(f =>
          run(ctx, f, answers).then(
            () => onAnswer(answers),
            () => {
              answers.failures += 1;
              onAnswer(answers);
            },
          ),
        ),
    );
  await round(firstRound(refs));
  await round(refs.applications.flatMap(name => ownedRound(name, answers.instances.get(name) ?? [])));
  return answers;
}

/** What the seed card draws: unvalidated wire objects, matched by name as the core's join keeps them. */
export function seedView(refs: Refs, answers: SeedAnswers) {
  const topics = new Map<string, WireItem>();
  for (const t of refs.topics) {
    const items = answers.searches.get(topicSearchKey(t.cluster, nameFilter(t.name), t.prefix ? MAX_PAGES : 1)) ?? [];
    for (const item of items) {
      if (t.prefix ? item.name.startsWith(t.name) : item.name === t.name) topics.set(`${t.cluster}/${item.name}`, item);
    }
    const byName = answers.topicsByName.get(`${t.cluster}/${t.name}`);
    if (!t.prefix && byName && !topics.has(`${t.cluster}/${t.name}`)) topics.set(`${t.cluster}/${t.name}`, { ...byName, name: t.name });
  }
  const groups = new Map<string, WireItem>();
  for (const g of refs.groups) {
    for (const item of answers.searches.get(groupSearchKey(g.cluster, g.name)) ?? []) {
      if (item.name === g.name) groups.set(`${g.cluster}/${item.name}`, item);
    }
  }
  for (const application of refs.applications) {
    for (const instance of answers.instances.get(application) ?? []) {
      const cluster = instance.spec?.cluster;
      if (!cluster) continue;
      const labelled = answers.searches.get(topicSearchKey(cluster, { type: 'LabelsFilter', key: APPLICATION_LABEL, values: [application] }, MAX_PAGES)) ?? [];
      for (const item of labelled) topics.set(`${cluster}/${item.name}`, item);
      for (const resource of instance.spec?.resources ?? []) {
        const literal = resource.patternType === 'LITERAL';
        const matches = (name: string) => (literal ? name === resource.name : name.startsWith(resource.name));
        if (resource.type === 'TOPIC') {
          for (const item of answers.searches.get(topicSearchKey(cluster, nameFilter(resource.name), MAX_PAGES)) ?? []) {
            if (matches(item.name)) topics.set(`${cluster}/${item.name}`, item);
          }
        }
        if (resource.type === 'CONSUMER_GROUP') {
          for (const item of answers.searches.get(groupSearchKey(cluster, resource.name)) ?? []) {
            if (matches(item.name)) groups.set(`${cluster}/${item.name}`, item);
          }
        }
      }
    }
  }
  return {
    clusters: answers.clusters ?? [],
    topics: [...topics.values()],
    groups: [...groups.values()],
    applications: [...answers.applications.values()],
  };
}
