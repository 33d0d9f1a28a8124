/**
 * Console's wire shapes for C, as valibot schemas that mirror the core's serde structs
 * field for field (src/model/*.rs): the same fields are required (`metadata.name`, a
 * cluster's `spec`, a page's `data`), the same ones must be strings when present
 * (`Option<String>`: null or absent is fine, a number is a decode error), and the
 * tolerant ones (`Option<Value>`) accept anything. `v.object` drops every key it does not
 * declare, so credentials (`properties`, `security`, `kafkaFlavor`) never leave parsing,
 * which is how the core redacts too.
 */
import * as v from 'valibot';

const anything = v.optional(v.unknown());
const optionalString = v.nullish(v.string());
/** `Option<BTreeMap<String, Value>>`: an object of anything, or null/absent. */
const looseMap = v.nullish(v.record(v.string(), v.unknown()));

export const ClusterList = v.array(
  v.object({
    metadata: v.object({ name: v.string(), labels: looseMap }),
    spec: v.object({
      displayName: optionalString,
      bootstrapServers: optionalString,
      color: optionalString,
      icon: optionalString,
      schemaRegistry: v.nullish(v.object({ type: optionalString, url: optionalString })),
    }),
  }),
);
export type WireCluster = v.InferOutput<typeof ClusterList>[number];

export const TopicResource = v.object({
  metadata: v.object({
    name: v.string(),
    cluster: anything,
    labels: looseMap,
    description: anything,
    catalogVisibility: anything,
  }),
  spec: v.nullish(v.object({ partitions: anything, replicationFactor: anything, configs: looseMap })),
});
export const TopicList = v.array(TopicResource);
export type WireTopic = v.InferOutput<typeof TopicResource>;

/** `TagInfo`: a name is required; id and colour are text when present. */
const TagInfo = v.object({ id: optionalString, name: v.string(), color: optionalString });

export const SearchTopic = v.object({
  type: anything,
  name: v.string(),
  tags: v.nullish(v.array(TagInfo)),
  labels: looseMap,
  recordCount: anything,
  topicSize: anything,
  produceRate: anything,
  lastActivityAt: anything,
  partitionCount: anything,
  replicationFactor: anything,
  cleanupPolicy: anything,
  retentionInMs: anything,
  minIsr: anything,
});
export type WireSearchTopic = v.InferOutput<typeof SearchTopic>;

export const SearchGroup = v.object({
  name: v.string(),
  type: anything,
  state: anything,
  members: anything,
  overallLag: anything,
  maxLagTimeInSeconds: anything,
  topics: v.nullish(v.array(v.unknown())),
});
export type WireGroup = v.InferOutput<typeof SearchGroup>;

/** A v1 search page: `{data, totalPages?, totalElements?}`; `data` must be an array. */
export function searchPage<T extends v.GenericSchema>(item: T) {
  return v.object({ data: v.array(item), totalPages: anything, totalElements: anything });
}
export const TopicPage = searchPage(SearchTopic);
export const GroupPage = searchPage(SearchGroup);

const metadata = v.object({ name: v.string(), application: anything, labels: looseMap });

export const ApplicationResource = v.object({
  metadata,
  spec: v.nullish(v.object({ title: anything, owner: anything, description: anything })),
});

export const InstanceList = v.array(
  v.object({
    metadata,
    spec: v.nullish(
      v.object({
        cluster: anything,
        serviceAccount: anything,
        resources: v.nullish(
          v.array(
            v.object({ type: anything, name: anything, patternType: anything, connectCluster: anything, ownershipMode: anything }),
          ),
        ),
      }),
    ),
  }),
);
