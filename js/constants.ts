import type { Entity } from '@backstage/catalog-model';

/** Self-service application names, comma-separated. */
export const CONDUKTOR_APPLICATION_ANNOTATION = 'conduktor.io/application';
/** `<cluster>/<topic>` or `<cluster>/<prefix>*`, comma-separated. */
export const CONDUKTOR_TOPICS_ANNOTATION = 'conduktor.io/topics';
/** `<cluster>/<group>`, comma-separated. */
export const CONDUKTOR_CONSUMER_GROUPS_ANNOTATION =
  'conduktor.io/consumer-groups';
/** Cluster names, comma-separated. */
export const CONDUKTOR_CLUSTERS_ANNOTATION = 'conduktor.io/clusters';

export const CONDUKTOR_ANNOTATIONS = [
  CONDUKTOR_APPLICATION_ANNOTATION,
  CONDUKTOR_TOPICS_ANNOTATION,
  CONDUKTOR_CONSUMER_GROUPS_ANNOTATION,
  CONDUKTOR_CLUSTERS_ANNOTATION,
] as const;

/** True when the entity names something in Conduktor through one of its annotations. */
export function isConduktorAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return CONDUKTOR_ANNOTATIONS.some(key => Boolean(annotations[key]?.trim()));
}
