/**
 * From validated wire objects to the view models the core hands JavaScript, field for
 * field and in the core's key order (src/model/*.rs), so A's and C's outputs can be
 * compared as JSON strings. Each helper names the Rust function it mirrors.
 *
 * `consoleLink` is always null: the benchmark passes the core no `consoleUrl`, and building
 * a link from a template is string work too small to matter next to decoding.
 */
import type { WireCluster, WireGroup, WireSearchTopic, WireTopic } from './wire';

export const APPLICATION_LABEL = 'conduktor.io/application';
export const INSTANCE_LABEL = 'conduktor.io/application-instance';

/** Sets an optional field only when its value is known: like the core, unknown values are left out. */
export function put<T, K extends keyof T>(target: T, key: K, value: T[K] | null | undefined): void {
  if (value != null) target[key] = value;
}

/** `common::number`: a finite JSON number, else null. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** `common::text`: a JSON string, else null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * `common::string_labels`: string values only, keys sorted as a `BTreeMap` sorts them
 * (by UTF-8 bytes; JavaScript's default sort is by UTF-16 units, the same order outside
 * astral characters, which Console names never hold).
 */
export function stringLabels(labels: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!labels) return out;
  for (const key of Object.keys(labels).sort()) {
    const value = labels[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

const HEX = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** `common::is_hex_colour`: only hex colours reach CSS. */
export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** `common::strip_userinfo`: `https://user:pw@host/x` → `https://host/x`. */
export function stripUserinfo(url: string): string {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd < 0) return url;
  const start = schemeEnd + 3;
  const rest = url.slice(start);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf('@');
  return at < 0 ? url : url.slice(0, start) + rest.slice(at + 1);
}

/** Rust's `str::parse::<f64>` after `trim()`: decimal or exponent forms, inf, infinity, nan. */
function parseRustFloat(value: string): number | null {
  const t = value.trim();
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return Number(t);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (!special) return null;
  if (special[2]!.toLowerCase() === 'nan') return NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

export interface KafkaCluster {
  name: string;
  displayName: string;
  bootstrapServers: string;
  color?: string;
  icon?: string;
  labels: Record<string, string>;
  schemaRegistry?: { type: string; url?: string };
  consoleLink?: string;
}

/** `impl From<WireKafkaCluster> for KafkaCluster`. */
export function clusterView(wire: WireCluster): KafkaCluster {
  const { metadata, spec } = wire;
  const sr = spec.schemaRegistry;
  const view: KafkaCluster = {
    name: metadata.name,
    displayName: spec.displayName != null && spec.displayName.trim() !== '' ? spec.displayName : metadata.name,
    bootstrapServers: spec.bootstrapServers ?? '',
    labels: stringLabels(metadata.labels),
  };
  if (spec.color != null && isHexColour(spec.color)) view.color = spec.color;
  if (spec.icon != null && spec.icon !== '') view.icon = spec.icon;
  if (sr != null && sr.type != null) {
    view.schemaRegistry = sr.url != null ? { type: sr.type, url: stripUserinfo(sr.url) } : { type: sr.type };
  }
  return view;
}

export interface TopicTag {
  id?: string;
  name: string;
  color?: string;
}

export interface Topic {
  name: string;
  cluster: string;
  indexed: boolean;
  partitions?: number;
  replicationFactor?: number;
  cleanupPolicy?: string;
  retentionMs?: number;
  minInsyncReplicas?: number;
  description?: string;
  catalogVisibility?: string;
  labels: Record<string, string>;
  tags?: TopicTag[];
  ownerApplication?: string;
  ownerInstance?: string;
  recordCount?: number;
  sizeBytes?: number;
  produceRate?: number;
  lastActivityAt?: string;
  consoleLink?: string;
}

/** `Topic::from_wire`: the v2 resource; metrics stay absent. */
export function topicView(wire: WireTopic, cluster: string): Topic {
  const { metadata, spec } = wire;
  const configs = spec?.configs ?? {};
  // Console's config values are strings ("604800000"); numbers are accepted too.
  const configNumber = (key: string): number | null => {
    const value = configs[key];
    return num(value) ?? (typeof value === 'string' ? parseRustFloat(value) : null);
  };
  const labels = stringLabels(metadata.labels);
  const policy = configs['cleanup.policy'];
  const topic: Topic = { name: metadata.name, cluster: text(metadata.cluster) ?? cluster, indexed: true, labels };
  put(topic, 'partitions', num(spec?.partitions));
  put(topic, 'replicationFactor', num(spec?.replicationFactor));
  if (typeof policy === 'string') topic.cleanupPolicy = policy;
  put(topic, 'retentionMs', configNumber('retention.ms'));
  put(topic, 'minInsyncReplicas', configNumber('min.insync.replicas'));
  put(topic, 'description', text(metadata.description));
  put(topic, 'catalogVisibility', text(metadata.catalogVisibility));
  put(topic, 'ownerApplication', labels[APPLICATION_LABEL]);
  put(topic, 'ownerInstance', labels[INSTANCE_LABEL]);
  return topic;
}

/** `TopicTag::from`: only a hex colour is kept. */
function tagView(tag: { id?: string | null; name: string; color?: string | null }): TopicTag {
  const view: TopicTag = { name: tag.name };
  put(view, 'id', tag.id);
  if (tag.color != null && isHexColour(tag.color)) view.color = tag.color;
  return view;
}

/** `WireSearchTopic::into_topic`: a topic known from the v1 search, with its metrics. */
export function searchTopicView(wire: WireSearchTopic, cluster: string): Topic {
  const labels = stringLabels(wire.labels);
  const topic: Topic = { name: wire.name, cluster, indexed: wire.type !== 'NotIndexedTopic', labels };
  if (wire.tags != null) topic.tags = wire.tags.map(tagView);
  put(topic, 'partitions', num(wire.partitionCount));
  put(topic, 'replicationFactor', num(wire.replicationFactor));
  put(topic, 'cleanupPolicy', text(wire.cleanupPolicy));
  put(topic, 'retentionMs', num(wire.retentionInMs));
  put(topic, 'minInsyncReplicas', num(wire.minIsr));
  put(topic, 'ownerApplication', labels[APPLICATION_LABEL]);
  put(topic, 'ownerInstance', labels[INSTANCE_LABEL]);
  put(topic, 'recordCount', num(wire.recordCount));
  put(topic, 'sizeBytes', num(wire.topicSize));
  put(topic, 'produceRate', num(wire.produceRate));
  put(topic, 'lastActivityAt', text(wire.lastActivityAt));
  return topic;
}

export interface ConsumerGroup {
  name: string;
  cluster: string;
  indexed: boolean;
  state?: string;
  members?: number;
  overallLag?: number;
  maxLagSeconds?: number;
  topics: string[];
  consoleLink?: string;
}

/** `WireConsumerGroup::into_view`. */
export function groupView(wire: WireGroup, cluster: string): ConsumerGroup {
  const group: ConsumerGroup = {
    name: wire.name,
    cluster,
    indexed: wire.type !== 'NotIndexedConsumerGroup',
    topics: (wire.topics ?? []).filter((t): t is string => typeof t === 'string'),
  };
  put(group, 'state', text(wire.state));
  put(group, 'members', num(wire.members));
  put(group, 'overallLag', num(wire.overallLag));
  put(group, 'maxLagSeconds', num(wire.maxLagTimeInSeconds));
  return group;
}

/** `SearchPage::total_pages`: clamped to u32, 1 when absent. */
export function totalPages(value: unknown): number {
  const n = num(value);
  if (n === null) return 1;
  return Math.trunc(Math.min(Math.max(n, 0), 4294967295));
}
