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
  color: string | null;
  icon: string | null;
  labels: Record<string, string>;
  schemaRegistry: { type: string; url: string | null } | null;
  consoleLink: string | null;
}

/** `impl From<WireKafkaCluster> for KafkaCluster`. */
export function clusterView(wire: WireCluster): KafkaCluster {
  const { metadata, spec } = wire;
  const sr = spec.schemaRegistry;
  return {
    name: metadata.name,
    displayName: spec.displayName != null && spec.displayName.trim() !== '' ? spec.displayName : metadata.name,
    bootstrapServers: spec.bootstrapServers ?? '',
    color: spec.color != null && isHexColour(spec.color) ? spec.color : null,
    icon: spec.icon != null && spec.icon !== '' ? spec.icon : null,
    labels: stringLabels(metadata.labels),
    schemaRegistry: sr != null && sr.type != null ? { type: sr.type, url: sr.url != null ? stripUserinfo(sr.url) : null } : null,
    consoleLink: null,
  };
}

export interface Topic {
  name: string;
  cluster: string;
  partitions: number | null;
  replicationFactor: number | null;
  cleanupPolicy: string | null;
  retentionMs: number | null;
  minInsyncReplicas: number | null;
  description: string | null;
  catalogVisibility: string | null;
  labels: Record<string, string>;
  ownerApplication: string | null;
  ownerInstance: string | null;
  recordCount: number | null;
  sizeBytes: number | null;
  produceRate: number | null;
  lastActivityAt: string | null;
  consoleLink: string | null;
}

/** `Topic::from_wire`: the v2 resource; metrics stay null. */
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
  return {
    name: metadata.name,
    cluster: text(metadata.cluster) ?? cluster,
    partitions: num(spec?.partitions),
    replicationFactor: num(spec?.replicationFactor),
    cleanupPolicy: typeof policy === 'string' ? policy : null,
    retentionMs: configNumber('retention.ms'),
    minInsyncReplicas: configNumber('min.insync.replicas'),
    description: text(metadata.description),
    catalogVisibility: text(metadata.catalogVisibility),
    labels,
    ownerApplication: labels[APPLICATION_LABEL] ?? null,
    ownerInstance: labels[INSTANCE_LABEL] ?? null,
    recordCount: null,
    sizeBytes: null,
    produceRate: null,
    lastActivityAt: null,
    consoleLink: null,
  };
}

/** `WireSearchTopic::into_topic`: a topic known from the v1 search, with its metrics. */
export function searchTopicView(wire: WireSearchTopic, cluster: string): Topic {
  const labels = stringLabels(wire.labels);
  return {
    name: wire.name,
    cluster,
    partitions: num(wire.partitionCount),
    replicationFactor: num(wire.replicationFactor),
    cleanupPolicy: text(wire.cleanupPolicy),
    retentionMs: num(wire.retentionInMs),
    minInsyncReplicas: num(wire.minIsr),
    description: null,
    catalogVisibility: null,
    labels,
    ownerApplication: labels[APPLICATION_LABEL] ?? null,
    ownerInstance: labels[INSTANCE_LABEL] ?? null,
    recordCount: num(wire.recordCount),
    sizeBytes: num(wire.topicSize),
    produceRate: num(wire.produceRate),
    lastActivityAt: text(wire.lastActivityAt),
    consoleLink: null,
  };
}

export interface ConsumerGroup {
  name: string;
  cluster: string;
  indexed: boolean;
  state: string | null;
  members: number | null;
  overallLag: number | null;
  maxLagSeconds: number | null;
  topics: string[];
  consoleLink: string | null;
}

/** `WireConsumerGroup::into_view`. */
export function groupView(wire: WireGroup, cluster: string): ConsumerGroup {
  return {
    name: wire.name,
    cluster,
    indexed: wire.type !== 'NotIndexedConsumerGroup',
    state: text(wire.state),
    members: num(wire.members),
    overallLag: num(wire.overallLag),
    maxLagSeconds: num(wire.maxLagTimeInSeconds),
    topics: (wire.topics ?? []).filter((t): t is string => typeof t === 'string'),
    consoleLink: null,
  };
}

/** `SearchPage::total_pages`: clamped to u32, 1 when absent. */
export function totalPages(value: unknown): number {
  const n = num(value);
  if (n === null) return 1;
  return Math.trunc(Math.min(Math.max(n, 0), 4294967295));
}
