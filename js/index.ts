/**
 * The Conduktor card for Backstage.
 *
 * The default export is the plugin for the new frontend system (auto-discovered
 * with `app.packages: all`); the named exports serve legacy apps and app code.
 */
export { default } from './alpha.js';
export {
  conduktorPlugin,
  EntityConduktorCard,
  EntityConduktorContent,
} from './plugin.js';
export type { ConduktorCardProps } from './components/ConduktorCard.js';
export {
  ConduktorClient,
  type ConduktorClientOptions,
} from './api/ConduktorClient.js';
export {
  conduktorApiRef,
  conduktorAuthApiRef,
  type Application,
  type ApplicationInstance,
  type ApplicationOverview,
  type ConduktorApi,
  type ConduktorAuthApi,
  type ConduktorCallOptions,
  type ConduktorErrorKind,
  type ConsoleLinkTemplates,
  type ConsumerGroup,
  type EntityOverview,
  type FetchOptions,
  type KafkaCluster,
  type Problem,
  type TokenReport,
  type Topic,
  type TopicTag,
  type Truncation,
} from './api/types.js';
export {
  defaultConduktorAuthApi,
  OIDC_AUTH_API_REFS,
  type OidcProvider,
} from './api/defaultAuthApi.js';
export {
  ConduktorError,
  isConduktorError,
  PROXY_CONFIG_SNIPPET,
} from './errors.js';
export {
  CONDUKTOR_ANNOTATIONS,
  CONDUKTOR_APPLICATION_ANNOTATION,
  CONDUKTOR_CLUSTERS_ANNOTATION,
  CONDUKTOR_CONSUMER_GROUPS_ANNOTATION,
  CONDUKTOR_TOPICS_ANNOTATION,
  isConduktorAvailable,
} from './constants.js';
