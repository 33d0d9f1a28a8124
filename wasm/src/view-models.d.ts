// Generated from the Rust view models in src/ by ts-rs (tests/typescript.rs); do not edit.

/**
 * Everything the card shows for one entity.
 */

export type EntityOverview = { 
/**
 * False when the entity has no Conduktor annotation: `clusters` then lists every
 * cluster the user may see.
 */
annotated: boolean, clusters: Array<KafkaCluster>, topics: Array<Topic>, consumerGroups: Array<ConsumerGroup>, applications: Array<ApplicationOverview>, problems: Array<Problem>, truncations: Array<Truncation>, };

/**
 * A Kafka cluster as the card shows it; credentials are never included.
 */

export type KafkaCluster = { 
/**
 * Console's technical id, used in every nested path.
 */
name: string, displayName: string, 
/**
 * Comma-separated `host:port` list, as Console stores it.
 */
bootstrapServers: string, 
/**
 * A validated CSS hex colour; absent when Console has none or it is not a hex colour.
 */
color?: string, icon?: string, labels: Labels, schemaRegistry?: SchemaRegistrySummary, 
/**
 * Into the Console UI; present when `consoleUrl` was given.
 */
consoleLink?: string, };

/**
 * Which schema registry a cluster uses, never how it authenticates.
 */

export type SchemaRegistrySummary = { 
/**
 * `ConfluentLike` or `Glue`.
 */
type: string, 
/**
 * The registry URL without any `user:password@`.
 */
url?: string, };

/**
 * A topic. Metrics (record count, size, produce rate, last activity) and tags come
 * from Console's v1 search; a topic read by name alone has none.
 */

export type Topic = { name: string, cluster: string, 
/**
 * False when Console has not indexed the topic yet: only its name is known.
 */
indexed: boolean, partitions?: number, replicationFactor?: number, cleanupPolicy?: string, 
/**
 * `retention.ms`; -1 is unlimited.
 */
retentionMs?: number, minInsyncReplicas?: number, description?: string, catalogVisibility?: string, labels: Labels, 
/**
 * Console's tags on the topic (v1 search).
 */
tags?: Array<TopicTag>, 
/**
 * From Console's `conduktor.io/application` label.
 */
ownerApplication?: string, ownerInstance?: string, recordCount?: number, sizeBytes?: number, produceRate?: number, 
/**
 * ISO 8601 date-time.
 */
lastActivityAt?: string, 
/**
 * Into the Console UI; present when `consoleUrl` was given.
 */
consoleLink?: string, };

/**
 * A Console tag on a topic.
 */

export type TopicTag = { id?: string, name: string, 
/**
 * A validated CSS hex colour; absent when it is not one.
 */
color?: string, };

/**
 * A consumer group with its lag, as Console's v1 search reports it.
 */

export type ConsumerGroup = { name: string, cluster: string, 
/**
 * False when Console has not indexed the group yet: only the name is known.
 */
indexed: boolean, 
/**
 * `Stable`, `Empty`, `PreparingRebalance`, `CompletingRebalance`, `Dead` or `Unknown`.
 */
state?: string, members?: number, 
/**
 * Messages behind, summed over the group's partitions.
 */
overallLag?: number, 
/**
 * How far behind in time the most lagging partition is, in seconds.
 */
maxLagSeconds?: number, topics: Array<string>, 
/**
 * Into the Console UI; present when `consoleUrl` was given.
 */
consoleLink?: string, };

/**
 * A self-service application.
 */

export type Application = { name: string, 
/**
 * The application's title, or its name when it has none.
 */
title: string, 
/**
 * Technical id of the Console group that owns the application.
 */
owner?: string, description?: string, labels: Labels, 
/**
 * Into the Console UI; present when `consoleUrl` was given.
 */
consoleLink?: string, };

/**
 * An instance of a self-service application on one cluster.
 */

export type ApplicationInstance = { name: string, application?: string, cluster?: string, serviceAccount?: string, resources: Array<OwnedResource>, labels: Labels, };

/**
 * A resource pattern an application instance owns.
 */

export type OwnedResource = { 
/**
 * `TOPIC`, `CONSUMER_GROUP`, `SUBJECT` or `CONNECTOR`.
 */
type: string, name: string, 
/**
 * `LITERAL` or `PREFIXED`.
 */
patternType: string, connectCluster?: string, 
/**
 * `ALL` or `LIMITED`.
 */
ownershipMode: string, };

/**
 * A self-service application the entity names, with its instances.
 */

export type ApplicationOverview = { name: string, 
/**
 * Absent when it could not be read (see `problems`).
 */
application?: Application, instances: Array<ApplicationInstance>, };

/**
 * A failure about one resource, shown beside the data that loaded.
 */

export type Problem = { kind: ConduktorErrorKind, status?: number, message: string, 
/**
 * The cluster the problem is about, when it is about one.
 */
cluster?: string, 
/**
 * What was asked, in the annotations' own words: `topic payments.orders`,
 * `topics payments.*`, `consumer group payments-processor`, `application payments`,
 * `cluster prod-eu`.
 */
resource?: string, };

/**
 * A search that stopped at `maxPages`: "showing the first `shown` of `total`".
 */

export type Truncation = { cluster: string, 
/**
 * What was searched, in the annotations' own words (`topics payments.*`).
 */
what: string, shown: number, total?: number, };

/**
 * What the list functions say about their list, as properties of the returned array.
 */

export type ListInfo = { 
/**
 * True when a paged search stopped at `maxPages` before its last page.
 */
truncated: boolean, 
/**
 * How many items Console has, when it says (v1 searches).
 */
totalElements?: number, 
/**
 * Items left out because they were not what Console sends, each with its index.
 */
problems: Array<Problem>, };

/**
 * What the card may show about the user's token.
 */

export type TokenReport = { 
/**
 * The signing algorithm from the header (`RS256`, …).
 */
algorithm?: string, issuer?: string, audience: Array<string>, 
/**
 * Milliseconds since the epoch (JavaScript `Date` time), when the token says.
 */
expiresAt?: number, 
/**
 * Whether `exp` is in the past; absent when the token has no `exp`.
 */
expired?: boolean, issuedAt?: number, notBefore?: number, 
/**
 * Console maps the user by this claim (default `email`).
 */
hasEmailClaim: boolean, 
/**
 * Console maps groups through this claim (default `groups`).
 */
hasGroupsClaim: boolean, groups: Array<string>, };

/**
 * Options accepted by every fetch function.
 */

export type FetchOptions = { 
/**
 * Aborting it rejects the call with kind 'aborted' and cancels the request.
 */
signal?: AbortSignal, 
/**
 * Default 15000; the call rejects with kind 'timeout' after it.
 */
timeoutMs?: number, 
/**
 * The Backstage proxy endpoint; default '/conduktor'.
 */
proxyPath?: string, 
/**
 * Pages a v1 search follows before it stops and says so (truncated); default 10.
 */
maxPages?: number, 
/**
 * Items per page of a v1 search; default 100.
 */
pageSize?: number, 
/**
 * How long a successful answer is reused for identical requests with the same token; default 10000, 0 disables.
 */
cacheTtlMs?: number, 
/**
 * Ignore stored answers (the card's refresh button); the new answer is stored.
 */
refresh?: boolean, 
/**
 * Conduktor Console's address (https://…); view models then carry `consoleLink` into its UI.
 */
consoleUrl?: string, 
/**
 * Path templates of those links, replacing the defaults (Console's UI routes are not a documented API).
 */
consoleLinks?: ConsoleLinkTemplates, };

/**
 * Paths after `consoleUrl`; `{cluster}`, `{topic}`, `{group}` and `{application}` are
 * replaced by the percent-encoded names. Defaults: cluster '/console/{cluster}/topics',
 * topic '/console/{cluster}/topics/{topic}', consumerGroup
 * '/console/{cluster}/consumer-groups/{group}', application '/applications/{application}'.
 */

export type ConsoleLinkTemplates = { cluster?: string, topic?: string, consumerGroup?: string, application?: string, };

/**
 * Labels as a list of pairs: a few entries each, looked up by key rarely.
 * Serialised as a plain object.
 */

export type Labels = Record<string, string>;

/**
 * Stable error kinds, serialised in kebab-case for JavaScript.
 */

export type ConduktorErrorKind = "invalid-input" | "unauthorized" | "proxy-rejected" | "forbidden" | "license-required" | "not-found" | "rate-limited" | "server" | "http" | "network" | "timeout" | "aborted" | "decode";

/**
 * A failure. Serialised (without `message`, which becomes the JavaScript `Error`'s
 * own message) as the details of a `ConduktorError`.
 */

export type ConduktorErrorDetails = { kind: ConduktorErrorKind, 
/**
 * The HTTP status, when there was an answer.
 */
status?: number, 
/**
 * Console's error `title`, when the body was Console's error shape.
 */
title?: string, 
/**
 * Console's error `msg`.
 */
msg?: string, 
/**
 * Console's error `cause`.
 */
cause?: string, 
/**
 * From a `Retry-After` header on 429 and 5xx, in milliseconds.
 */
retryAfterMs?: number, };
