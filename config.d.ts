/** Configuration of the Conduktor card (app-config.yaml, `conduktor:`). */
export interface Config {
  conduktor?: {
    /**
     * The Backstage proxy endpoint that targets Conduktor Console's `/api`.
     * @visibility frontend
     */
    proxyPath?: string;
    /**
     * What the card shows on an entity without `conduktor.io/*` annotations:
     * `clusters` (the clusters the user may see; the default) or
     * `missing-annotation` (Backstage's empty state naming the annotations).
     * @visibility frontend
     */
    withoutAnnotations?: 'clusters' | 'missing-annotation';
    /**
     * Which token of the bound auth API is forwarded to Console: the OIDC ID token
     * (default), or an access token for `scope` when the IdP issues JWT access
     * tokens for a Console audience (Okta custom authorization server, Entra
     * `api://<app-id>/<scope>`, Auth0 with an audience).
     * @visibility frontend
     */
    token?: {
      /** @visibility frontend */
      type?: 'id' | 'access';
      /** @visibility frontend */
      scope?: string;
    };
    /**
     * Milliseconds before a request to Console is abandoned (default 15000).
     * @visibility frontend
     */
    timeoutMs?: number;
    /**
     * Conduktor Console's address (https://…). When set, the card links its
     * header and every cluster, topic, consumer group and application into Console.
     * @visibility frontend
     */
    consoleUrl?: string;
    /**
     * Paths of those links after consoleUrl, when your Console's UI routes differ
     * from the defaults; `{cluster}`, `{topic}`, `{group}` and `{application}` are
     * replaced by the encoded names.
     * @visibility frontend
     */
    consoleLinks?: {
      /** Default `/console/{cluster}/topics`. @visibility frontend */
      cluster?: string;
      /** Default `/console/{cluster}/topics/{topic}`. @visibility frontend */
      topic?: string;
      /** Default `/console/{cluster}/consumer-groups/{group}`. @visibility frontend */
      consumerGroup?: string;
      /** Default `/applications/{application}`. @visibility frontend */
      application?: string;
    };
  };
}
