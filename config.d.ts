/** Configuration of the Conduktor card (app-config.yaml, `conduktor:`). */
export interface Config {
  conduktor?: {
    /**
     * The Backstage proxy endpoint that targets Conduktor Console's `/api`.
     * @visibility frontend
     */
    proxyPath?: string;
    /**
     * On an entity without `conduktor.io/*` annotations, show the clusters the user
     * may see (true, the default), or Backstage's missing-annotation state naming
     * the annotations (false).
     * @visibility frontend
     */
    showAllClustersWithoutAnnotation?: boolean;
    /**
     * The sign-in whose token is forwarded to Conduktor Console.
     * @visibility frontend
     */
    auth?: {
      /**
       * The built-in Backstage auth API to use when the app does not bind
       * conduktorAuthApiRef itself. Providers without OpenID Connect ID tokens
       * (github, openshift, bitbucket, atlassian) cannot work and give a
       * configuration error on the card.
       * @visibility frontend
       */
      provider?: 'okta' | 'microsoft' | 'google' | 'gitlab' | 'onelogin' | 'vmware-cloud';
      /**
       * Which token is forwarded: the OIDC ID token (default), or an access token
       * for `scope` when the IdP issues JWT access tokens for a Console audience
       * (Okta custom authorization server, Entra `api://<app-id>/<scope>`, Auth0
       * with an audience).
       * @visibility frontend
       */
      token?: 'id' | 'access';
      /** @visibility frontend */
      scope?: string;
    };
    /**
     * Milliseconds before a request to Console is abandoned (default 15000).
     * @visibility frontend
     */
    requestTimeoutMs?: number;
    /**
     * When a consumer group's lag shows as a warning and as an error, from the age of
     * its oldest unconsumed record (Console's maxLagTimeInSeconds). A group with no
     * records behind is healthy whatever its age.
     * @visibility frontend
     */
    lag?: {
      /** Seconds behind from which a group is a warning (default 60). @visibility frontend */
      warnAfterSeconds?: number;
      /** Seconds behind from which a group is an error (default 600, never below warnAfterSeconds). @visibility frontend */
      errorAfterSeconds?: number;
    };
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
