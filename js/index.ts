/**
 * The Conduktor card for Backstage.
 *
 * The default export is the plugin for the new frontend system (auto-discovered
 * with `app.packages: all`); the named exports serve legacy apps and app code.
 */
export { default } from './alpha.js';
export { conduktorPlugin, EntityConduktorCard } from './plugin.js';
export { ConduktorClient, type ConduktorClientOptions } from './api/ConduktorClient.js';
export {
  conduktorApiRef,
  conduktorAuthApiRef,
  type ConduktorApi,
  type ConduktorAuthApi,
  type ConduktorCallOptions,
  type ConduktorErrorKind,
  type KafkaCluster,
} from './api/types.js';
export { ConduktorError, isConduktorError, PROXY_CONFIG_SNIPPET } from './errors.js';
export {
  CONDUKTOR_ANNOTATIONS,
  CONDUKTOR_APPLICATION_ANNOTATION,
  CONDUKTOR_CLUSTERS_ANNOTATION,
  CONDUKTOR_CONSUMER_GROUPS_ANNOTATION,
  CONDUKTOR_TOPICS_ANNOTATION,
  isConduktorAvailable,
} from './constants.js';
