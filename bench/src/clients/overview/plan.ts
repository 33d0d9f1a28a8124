/**
 * The requests that answer an entity's annotations, planned as the core's `overview::plan`
 * does, so B and C send the same requests as A: one cluster list, one name search per
 * literal topic (one page) and per prefix, one group search per group, and per application
 * its resource and instances; then, from the instances, the ownership-label search and one
 * search per owned topic or group pattern. Identical requests are planned once.
 */
import type { EntityRefs } from './annotations';

export const APPLICATION_LABEL = 'conduktor.io/application';

export type TopicQuery =
  | { readonly type: 'named'; readonly text: string }
  | { readonly type: 'contains'; readonly text: string }
  | { readonly type: 'label'; readonly key: string; readonly value: string };

export type Fetch =
  | { readonly kind: 'clusters' }
  | { readonly kind: 'application'; readonly name: string }
  | { readonly kind: 'instances'; readonly name: string }
  | { readonly kind: 'topics'; readonly cluster: string; readonly query: TopicQuery }
  | { readonly kind: 'topic'; readonly cluster: string; readonly name: string }
  | { readonly kind: 'groups'; readonly cluster: string; readonly contains: string };

/** Identity of a request, for deduplication and for looking answers up. */
export function fetchKey(fetch: Fetch): string {
  return JSON.stringify(fetch);
}

export function topicFilter(query: TopicQuery): unknown {
  return query.type === 'label'
    ? { type: 'LabelsFilter', key: query.key, values: [query.value] }
    : { type: 'TopicNameFilter', contains: query.text };
}

export function describeQuery(query: TopicQuery): string {
  switch (query.type) {
    case 'named':
      return `topic ${query.text}`;
    case 'contains':
      return `topics named like "${query.text}"`;
    case 'label':
      return `topics labelled ${query.key}=${query.value}`;
  }
}

function unique(fetches: Fetch[]): Fetch[] {
  const seen = new Map<string, Fetch>();
  for (const fetch of fetches) seen.set(fetchKey(fetch), fetch);
  return [...seen.values()];
}

export function planFirst(refs: EntityRefs): Fetch[] {
  const fetches: Fetch[] = [{ kind: 'clusters' }];
  for (const t of refs.topics) {
    const query: TopicQuery = t.prefix ? { type: 'contains', text: t.name } : { type: 'named', text: t.name };
    fetches.push({ kind: 'topics', cluster: t.cluster, query });
  }
  for (const g of refs.groups) fetches.push({ kind: 'groups', cluster: g.cluster, contains: g.name });
  for (const name of refs.applications) fetches.push({ kind: 'application', name }, { kind: 'instances', name });
  return unique(fetches);
}

/** What an application instance owns; `cluster` null when Console did not say. */
export interface OwnedPatterns {
  readonly cluster?: string | null;
  readonly resources: readonly { readonly type: string; readonly name: string }[];
}

export function planOwned(application: string, instances: readonly OwnedPatterns[]): Fetch[] {
  const fetches: Fetch[] = [];
  for (const instance of instances) {
    const cluster = instance.cluster;
    if (cluster == null) continue;
    fetches.push({ kind: 'topics', cluster, query: { type: 'label', key: APPLICATION_LABEL, value: application } });
    for (const resource of instance.resources) {
      if (resource.type === 'TOPIC') fetches.push({ kind: 'topics', cluster, query: { type: 'contains', text: resource.name } });
      if (resource.type === 'CONSUMER_GROUP') fetches.push({ kind: 'groups', cluster, contains: resource.name });
    }
  }
  return unique(fetches);
}

/**
 * Literal topics whose one-page name search missed them while more pages exist: read
 * them by name instead: `missed` is true when that search loaded, was truncated, and
 * its page does not hold the name.
 */
export function planFallbacks(
  refs: EntityRefs,
  missed: (cluster: string, name: string) => boolean,
): Fetch[] {
  return refs.topics
    .filter(t => !t.prefix && missed(t.cluster, t.name))
    .map(t => ({ kind: 'topic', cluster: t.cluster, name: t.name }) as const);
}
