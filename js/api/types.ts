import { createApiRef } from '@backstage/core-plugin-api';
import type {
  EntityOverview,
  FetchOptions,
  KafkaCluster,
  List,
} from '../wasm/conduktor_card_core.js';

export type {
  Application,
  ApplicationInstance,
  ApplicationOverview,
  ConduktorError,
  ConduktorErrorKind,
  ConsoleLinkTemplates,
  ConsumerGroup,
  EntityOverview,
  FetchOptions,
  KafkaCluster,
  List,
  ListInfo,
  Problem,
  TokenReport,
  Topic,
  TopicTag,
  Truncation,
} from '../wasm/conduktor_card_core.js';

/** Per-call options the card passes; the token and proxy base are the client's job. */
export type ConduktorCallOptions = Pick<
  FetchOptions,
  'signal' | 'timeoutMs' | 'refresh'
>;

/** What the card needs from Conduktor. */
export interface ConduktorApi {
  fetchClusters(options?: ConduktorCallOptions): Promise<List<KafkaCluster>>;
  /** Everything the card shows for an entity, from its `metadata.annotations`. */
  fetchEntityOverview(
    annotations: Record<string, string> | undefined,
    options?: ConduktorCallOptions,
  ): Promise<EntityOverview>;
  /** Asks the user to sign in to the identity provider again, when the app's auth API can. */
  signIn(): Promise<void>;
}

export const conduktorApiRef = createApiRef<ConduktorApi>({
  id: 'plugin.conduktor.service',
});

/**
 * The sign-in the card forwards to Conduktor Console: any Backstage auth API with
 * `getIdToken` (Okta, Microsoft, Google, GitLab, OneLogin, a custom OIDC ref…).
 * Bind it in your app to the provider Console trusts (see the README).
 */
export type ConduktorAuthApi = {
  getIdToken(options?: {
    optional?: boolean;
    instantPopup?: boolean;
  }): Promise<string>;
  /** Used instead when `conduktor.auth.token` is `access` (OAuthApi). */
  getAccessToken?(
    scope?: string | string[],
    options?: { optional?: boolean; instantPopup?: boolean },
  ): Promise<string>;
  /** Backstage's SessionApi: offered as "Sign in again" when Console rejects the token. */
  signIn?(): Promise<void>;
  /** Ends the session first, so signing in again yields a fresh ID token. */
  signOut?(): Promise<void>;
};

export const conduktorAuthApiRef = createApiRef<ConduktorAuthApi>({
  id: 'plugin.conduktor.auth',
});
