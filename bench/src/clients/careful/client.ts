/**
 * C, a careful TypeScript client: the same requests as the core, every answer validated
 * with valibot and reshaped into the core's view models (credentials dropped, hex
 * colours only, registry URLs without user info, string labels). Its outputs are
 * compared with A's in the benchmark, so a faster C is never a C that does less.
 */
import * as v from 'valibot';
import type { Client, ClientConfig } from '../config';
import { getJson } from '../http';
import { type Listing, followPages } from '../paging';
import { ClusterList, GroupPage, TopicList, TopicPage, TopicResource, type WireSearchTopic } from './wire';
import { type ConsumerGroup, clusterView, groupView, num, topicView, totalPages } from './view';
import { entityOverview } from './overview';

/** The core's `List<T>`: an array carrying `truncated`, `totalElements` when known and `problems`. */
export type List<T> = T[] & { truncated: boolean; totalElements?: number; problems: unknown[] };
export type ConsumerGroupList = List<ConsumerGroup>;

/** A whole list (no paging): nothing truncated, nothing left out (valibot rejects the whole answer instead). */
function whole<T>(items: T[]): List<T> {
  return Object.assign(items, { truncated: false, problems: [] });
}

export function createCarefulClient(config: ClientConfig): Client & CarefulCalls {
  const calls: CarefulCalls = {
    clusters: async () => whole(v.parse(ClusterList, await getJson(config, ['public', 'console', 'v2', 'kafka-cluster'])).map(clusterView)),

    topics: async cluster =>
      whole(v.parse(TopicList, await getJson(config, ['public', 'kafka', 'v2', 'cluster', cluster, 'topic'])).map(t => topicView(t, cluster))),

    topic: async (cluster, name) =>
      topicView(v.parse(TopicResource, await getJson(config, ['public', 'kafka', 'v2', 'cluster', cluster, 'topic', name])), cluster),

    searchTopics: (cluster, filter, maxPages) =>
      followPages(config, ['public', 'v1', 'clusters', cluster, 'topics'], filter, maxPages, body => {
        const page = v.parse(TopicPage, body);
        return { data: page.data, totalPages: totalPages(page.totalPages), totalElements: num(page.totalElements) };
      }),

    searchGroups: async (cluster, filter, maxPages) => {
      const listing = await followPages(config, ['public', 'v1', 'clusters', cluster, 'consumergroups'], filter, maxPages, body => {
        const page = v.parse(GroupPage, body);
        return { data: page.data, totalPages: totalPages(page.totalPages), totalElements: num(page.totalElements) };
      });
      return { ...listing, items: listing.items.map(g => groupView(g, cluster)) };
    },

    consumerGroups: async cluster => {
      const listing = await calls.searchGroups(cluster, [], config.maxPages);
      const list = Object.assign(listing.items, { truncated: listing.truncated, problems: [] as unknown[] });
      return listing.totalElements == null ? list : Object.assign(list, { totalElements: listing.totalElements });
    },
  };
  return { ...calls, entityOverview: annotations => entityOverview(config, calls, annotations) };
}

/** The validated calls the overview is built from. */
export interface CarefulCalls {
  clusters(): Promise<List<ReturnType<typeof clusterView>>>;
  topics(cluster: string): Promise<List<ReturnType<typeof topicView>>>;
  topic(cluster: string, name: string): Promise<ReturnType<typeof topicView>>;
  searchTopics(cluster: string, filter: unknown[], maxPages: number): Promise<Listing<WireSearchTopic>>;
  searchGroups(cluster: string, filter: unknown[], maxPages: number): Promise<Listing<ConsumerGroup>>;
  consumerGroups(cluster: string): Promise<ConsumerGroupList>;
}
