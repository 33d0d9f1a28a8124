/**
 * B, the seed's approach and the floor: `fetch` + `response.json()`, nothing validated,
 * nothing dropped. What it returns is Console's wire objects, credentials included,
 * which is exactly what the core exists to prevent; it shows what parsing alone costs.
 */
import type { Client, ClientConfig } from './config';
import { getJson, postJson } from './http';
import { type Listing, type Page, followPages } from './paging';
import { parseAnnotations } from './overview/annotations';
import { executeAll, type Answer } from './overview/execute';
import { type Fetch, fetchKey, planFallbacks, planFirst, planOwned, topicFilter } from './overview/plan';

/** Console's wire shapes, as far as B looks at them (trusted blindly). */
interface WirePage {
  data: { name: string }[];
  totalPages?: number;
  totalElements?: number;
}
interface WireInstance {
  spec?: { cluster?: string; resources?: { type: string; name: string }[] };
}

function page(body: unknown): Page<{ name: string }> {
  const p = body as WirePage;
  return { data: p.data, totalPages: p.totalPages ?? 1, totalElements: p.totalElements ?? null };
}

export function createNativeClient(config: ClientConfig): Client {
  const search = (cluster: string, what: 'topics' | 'consumergroups', filter: unknown[], maxPages: number) =>
    followPages(config, ['public', 'v1', 'clusters', cluster, what], filter, maxPages, page);

  const run = (fetch: Fetch): Promise<unknown> => {
    switch (fetch.kind) {
      case 'clusters':
        return getJson(config, ['public', 'console', 'v2', 'kafka-cluster']);
      case 'application':
        return getJson(config, ['public', 'self-serve', 'v1', 'application', fetch.name]);
      case 'instances':
        return getJson(config, ['public', 'self-serve', 'v1', 'application-instance'], { application: fetch.name });
      case 'topics':
        return search(fetch.cluster, 'topics', [topicFilter(fetch.query)], fetch.query.type === 'named' ? 1 : config.maxPages);
      case 'topic':
        return getJson(config, ['public', 'kafka', 'v2', 'cluster', fetch.cluster, 'topic', fetch.name]);
      case 'groups':
        return search(fetch.cluster, 'consumergroups', [{ type: 'OnConsumerGroupName', contains: fetch.contains }], config.maxPages);
    }
  };

  return {
    clusters: () => run({ kind: 'clusters' }),
    topics: cluster => getJson(config, ['public', 'kafka', 'v2', 'cluster', cluster, 'topic']),
    consumerGroups: async cluster => (await search(cluster, 'consumergroups', [], config.maxPages)).items,

    /** The same requests as the core; the "join" only keeps exact matches, unvalidated. */
    async entityOverview(annotations) {
      const refs = parseAnnotations(annotations);
      const answers = new Map<string, Answer<unknown>>();
      const value = (fetch: Fetch): unknown => {
        const answer = answers.get(fetchKey(fetch));
        return answer?.ok ? answer.value : undefined;
      };
      await executeAll(planFirst(refs), run, answers);
      const owned = refs.applications.flatMap(name => {
        const instances = (value({ kind: 'instances', name }) ?? []) as WireInstance[];
        return planOwned(name, instances.map(i => ({ cluster: i.spec?.cluster ?? null, resources: i.spec?.resources ?? [] })));
      });
      await executeAll(owned, run, answers);
      const missed = (cluster: string, name: string): boolean => {
        const listing = value({ kind: 'topics', cluster, query: { type: 'named', text: name } }) as Listing<{ name: string }> | undefined;
        return listing !== undefined && listing.truncated && !listing.items.some(t => t.name === name);
      };
      await executeAll(planFallbacks(refs, missed), run, answers);

      const topics = refs.topics.flatMap(t => {
        const query = t.prefix ? ({ type: 'contains', text: t.name } as const) : ({ type: 'named', text: t.name } as const);
        const listing = value({ kind: 'topics', cluster: t.cluster, query }) as Listing<{ name: string }> | undefined;
        return (listing?.items ?? []).filter(item => (t.prefix ? item.name.startsWith(t.name) : item.name === t.name));
      });
      const groups = refs.groups.flatMap(g => {
        const listing = value({ kind: 'groups', cluster: g.cluster, contains: g.name }) as Listing<{ name: string }> | undefined;
        return (listing?.items ?? []).filter(item => item.name === g.name);
      });
      const ownedTopics = owned.flatMap(f => (f.kind === 'topics' ? ((value(f) as Listing<unknown> | undefined)?.items ?? []) : []));
      return { clusters: value({ kind: 'clusters' }), topics: [...topics, ...ownedTopics], consumerGroups: groups };
    },
  };
}
