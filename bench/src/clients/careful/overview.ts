/**
 * C's `fetchEntityOverview`: the core's plan (shared with B), then a port of the core's
 * `overview::join`, so the overview C returns equals A's, problems and truncations included.
 */
import type { ClientConfig } from '../config';
import { getJson } from '../http';
import type { Listing } from '../paging';
import { type EntityRefs, isEmpty, parseAnnotations } from '../overview/annotations';
import { type Answer, executeAll } from '../overview/execute';
import {
  APPLICATION_LABEL,
  describeQuery,
  type Fetch,
  fetchKey,
  planFallbacks,
  planFirst,
  planOwned,
  type TopicQuery,
  topicFilter,
} from '../overview/plan';
import { type Application, type ApplicationInstance, decodeApplication, decodeInstances, owns } from './applications';
import type { CarefulCalls } from './client';
import { type ConsumerGroup, type KafkaCluster, searchTopicView, type Topic } from './view';
import type { WireSearchTopic } from './wire';

interface Problem {
  kind: string;
  status?: number;
  message: string;
  cluster?: string;
  resource?: string;
}

/** A problem as the core writes it: unknown fields left out. */
function problem(kind: string, message: string, cluster: string | null, resource: string | null): Problem {
  const found: Problem = { kind, message };
  if (cluster !== null) found.cluster = cluster;
  if (resource !== null) found.resource = resource;
  return found;
}

interface Truncation {
  cluster: string;
  what: string;
  shown: number;
  total?: number;
}

export interface EntityOverview {
  annotated: boolean;
  clusters: KafkaCluster[];
  topics: Topic[];
  consumerGroups: ConsumerGroup[];
  applications: { name: string; application?: Application; instances: ApplicationInstance[] }[];
  problems: Problem[];
  truncations: Truncation[];
}

function truncation(cluster: string, what: string, shown: number, total: number | null): Truncation {
  return total === null ? { cluster, what, shown } : { cluster, what, shown, total };
}

export async function entityOverview(
  config: ClientConfig,
  calls: CarefulCalls,
  annotations: Record<string, string>,
): Promise<EntityOverview> {
  const refs = parseAnnotations(annotations);
  const run = (fetch: Fetch): Promise<unknown> => {
    switch (fetch.kind) {
      case 'clusters':
        return calls.clusters();
      case 'application':
        return getJson(config, ['public', 'self-serve', 'v1', 'application', fetch.name]).then(decodeApplication);
      case 'instances':
        return getJson(config, ['public', 'self-serve', 'v1', 'application-instance'], { application: fetch.name }).then(
          decodeInstances,
        );
      case 'topics':
        return calls.searchTopics(fetch.cluster, [topicFilter(fetch.query)], fetch.query.type === 'named' ? 1 : config.maxPages);
      case 'topic':
        return calls.topic(fetch.cluster, fetch.name);
      case 'groups':
        return calls.searchGroups(fetch.cluster, [{ type: 'OnConsumerGroupName', contains: fetch.contains }], config.maxPages);
    }
  };
  const answers = new Map<string, Answer<unknown>>();
  const value = <T>(fetch: Fetch): T | undefined => {
    const answer = answers.get(fetchKey(fetch));
    return answer?.ok ? (answer.value as T) : undefined;
  };
  await executeAll(planFirst(refs), run, answers);
  const owned = refs.applications.flatMap(name => planOwned(name, value<ApplicationInstance[]>({ kind: 'instances', name }) ?? []));
  await executeAll(owned, run, answers);
  const missed = (cluster: string, name: string): boolean => {
    const listing = value<Listing<WireSearchTopic>>({ kind: 'topics', cluster, query: { type: 'named', text: name } });
    return listing !== undefined && listing.truncated && !listing.items.some(t => t.name === name);
  };
  await executeAll(planFallbacks(refs, missed), run, answers);
  const failures = [...answers.values()].filter(a => !a.ok);
  if (failures.length > 0 && failures.length === answers.size) throw (failures[0] as { error: unknown }).error;
  return join(refs, answers);
}

/** A port of `overview::join`: exact matches kept, problems and truncations reported once. */
function join(refs: EntityRefs, answers: Map<string, Answer<unknown>>): EntityOverview {
  const overview: EntityOverview = {
    annotated: !isEmpty(refs),
    clusters: [],
    topics: [],
    consumerGroups: [],
    applications: [],
    problems: [],
    truncations: [],
  };
  const reported = new Set<string>();
  const seenTopics = new Set<string>();
  const seenGroups = new Set<string>();

  const answer = <T>(fetch: Fetch, cluster: string | null, resource: string | null): T | undefined => {
    const key = fetchKey(fetch);
    const found = answers.get(key);
    if (found === undefined) return undefined;
    if (found.ok) return found.value as T;
    if (!reported.has(key)) {
      reported.add(key);
      overview.problems.push(problem('http', String(found.error), cluster, resource));
    }
    return undefined;
  };
  const topicsMatching = (cluster: string, query: TopicQuery, keep: (name: string) => boolean): Topic[] | undefined => {
    const fetch: Fetch = { kind: 'topics', cluster, query };
    const listing = answer<Listing<WireSearchTopic>>(fetch, cluster, describeQuery(query));
    if (listing === undefined) return undefined;
    const topics = listing.items.filter(t => keep(t.name)).map(t => searchTopicView(t, cluster));
    if (listing.truncated && query.type !== 'named' && !reported.has(fetchKey(fetch))) {
      reported.add(fetchKey(fetch));
      overview.truncations.push(truncation(cluster, describeQuery(query), listing.items.length, listing.totalElements));
    }
    return topics;
  };
  const groupsMatching = (cluster: string, contains: string, keep: (name: string) => boolean): ConsumerGroup[] | undefined => {
    const fetch: Fetch = { kind: 'groups', cluster, contains };
    const what = `consumer groups named like "${contains}"`;
    const listing = answer<Listing<ConsumerGroup>>(fetch, cluster, what);
    if (listing === undefined) return undefined;
    if (listing.truncated && !reported.has(fetchKey(fetch))) {
      reported.add(fetchKey(fetch));
      overview.truncations.push(truncation(cluster, what, listing.items.length, listing.totalElements));
    }
    return listing.items.filter(g => keep(g.name));
  };
  const addTopics = (topics: Topic[]): void => {
    for (const topic of topics) {
      const key = `${topic.cluster}\u0000${topic.name}`;
      if (!seenTopics.has(key)) (seenTopics.add(key), overview.topics.push(topic));
    }
  };
  const addGroups = (groups: ConsumerGroup[]): void => {
    for (const group of groups) {
      const key = `${group.cluster}\u0000${group.name}`;
      if (!seenGroups.has(key)) (seenGroups.add(key), overview.consumerGroups.push({ ...group }));
    }
  };
  const notFound = (cluster: string, what: string): void => {
    overview.problems.push(
      problem(
        'not-found',
        `${what} was not found on cluster ${cluster}, or Conduktor Console does not let you see it; check the entity's conduktor.io annotations or ask your Conduktor administrator for access`,
        cluster,
        what,
      ),
    );
  };

  for (const ref of refs.topics) {
    if (ref.prefix) {
      const found = topicsMatching(ref.cluster, { type: 'contains', text: ref.name }, n => n.startsWith(ref.name));
      if (found) addTopics(found);
      continue;
    }
    const byName: Fetch = { kind: 'topic', cluster: ref.cluster, name: ref.name };
    const found = topicsMatching(ref.cluster, { type: 'named', text: ref.name }, n => n === ref.name);
    if (found === undefined) continue;
    if (found.length > 0) addTopics(found);
    else if (!answers.has(fetchKey(byName))) notFound(ref.cluster, `topic ${ref.name}`);
    else {
      const topic = answer<Topic>(byName, ref.cluster, `topic ${ref.name}`);
      if (topic) addTopics([{ ...topic }]);
    }
  }
  for (const ref of refs.groups) {
    const found = groupsMatching(ref.cluster, ref.name, n => n === ref.name);
    if (found === undefined) continue;
    if (found.length === 0) notFound(ref.cluster, `consumer group ${ref.name}`);
    addGroups(found);
  }
  for (const name of refs.applications) {
    const application = answer<Application>({ kind: 'application', name }, null, `application ${name}`);
    const instances = answer<ApplicationInstance[]>({ kind: 'instances', name }, null, `application ${name}`) ?? [];
    for (const instance of instances) {
      const cluster = instance.cluster;
      if (cluster === undefined) continue;
      const labelled = topicsMatching(cluster, { type: 'label', key: APPLICATION_LABEL, value: name }, () => true);
      if (labelled) addTopics(labelled);
      for (const resource of instance.resources) {
        if (resource.type === 'TOPIC') {
          const found = topicsMatching(cluster, { type: 'contains', text: resource.name }, n => owns(resource, 'TOPIC', n));
          for (const topic of found ?? []) {
            topic.ownerApplication ??= name;
            topic.ownerInstance ??= instance.name;
          }
          if (found) addTopics(found);
        } else if (resource.type === 'CONSUMER_GROUP') {
          const found = groupsMatching(cluster, resource.name, n => owns(resource, 'CONSUMER_GROUP', n));
          if (found) addGroups(found);
        }
      }
    }
    overview.applications.push(application === undefined ? { name, instances } : { name, application, instances });
  }

  const clusters = answer<KafkaCluster[]>({ kind: 'clusters' }, null, null);
  if (clusters) {
    if (!overview.annotated) {
      overview.clusters = clusters;
      return overview;
    }
    const wanted = [...refs.clusters];
    const referenced = [
      ...overview.topics.map(t => t.cluster),
      ...overview.consumerGroups.map(g => g.cluster),
      ...refs.topics.map(t => t.cluster),
      ...refs.groups.map(g => g.cluster),
      ...overview.applications.flatMap(a => a.instances.flatMap(i => (i.cluster === undefined ? [] : [i.cluster]))),
    ];
    for (const cluster of referenced) if (!wanted.includes(cluster)) wanted.push(cluster);
    for (const name of wanted) {
      const cluster = clusters.find(c => c.name === name);
      if (cluster) overview.clusters.push(cluster);
      else
        overview.problems.push(
          problem(
            'not-found',
            `cluster ${name} does not exist in Conduktor Console, or you may not see it; ask your Conduktor administrator for access`,
            name,
            `cluster ${name}`,
          ),
        );
    }
  }
  return overview;
}
