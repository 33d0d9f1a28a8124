import {
  gitlabAuthApiRef,
  googleAuthApiRef,
  microsoftAuthApiRef,
  oktaAuthApiRef,
  oneloginAuthApiRef,
  vmwareCloudAuthApiRef,
  type ConfigApi,
} from '@backstage/core-plugin-api';
import type { ConduktorAuthApi } from './types.js';
import { unboundAuthApi } from './unboundAuthApi.js';

/**
 * Backstage's built-in auth refs that can sign in through OpenID Connect and so
 * return an ID token Conduktor Console can validate, by `conduktor.auth.provider`.
 */
export const OIDC_AUTH_API_REFS = {
  okta: oktaAuthApiRef,
  microsoft: microsoftAuthApiRef,
  google: googleAuthApiRef,
  gitlab: gitlabAuthApiRef,
  onelogin: oneloginAuthApiRef,
  'vmware-cloud': vmwareCloudAuthApiRef,
} as const;

export type OidcProvider = keyof typeof OIDC_AUTH_API_REFS;

/** Sign-in providers that issue no OpenID Connect ID token: Console cannot validate them. */
const WITHOUT_ID_TOKENS: Record<string, string> = {
  github: 'GitHub',
  openshift: 'OpenShift',
  bitbucket: 'Bitbucket',
  bitbucketServer: 'Bitbucket Server',
  atlassian: 'Atlassian',
  guest: 'guest',
};

/** Rejects every call with a configuration error the card shows instead of a blank card. */
function misconfigured(message: string): ConduktorAuthApi {
  return {
    getIdToken: () => Promise.reject(new Error(message)),
  };
}

/**
 * The default binding of `conduktorAuthApiRef`: the built-in auth API named by
 * `conduktor.auth.provider`. Apps using another provider (Keycloak, Auth0, any
 * generic OIDC ref made with `createApiRef` + `OAuth2.create`) bind the ref themselves.
 */
export function defaultConduktorAuthApi(
  configApi: Pick<ConfigApi, 'getOptionalString'>,
  apis: Record<OidcProvider, ConduktorAuthApi>,
): ConduktorAuthApi {
  const provider = configApi.getOptionalString('conduktor.auth.provider');
  if (provider === undefined) return unboundAuthApi;
  if (provider in OIDC_AUTH_API_REFS) return apis[provider as OidcProvider];
  const known = Object.keys(OIDC_AUTH_API_REFS).join(', ');
  const noIdToken = WITHOUT_ID_TOKENS[provider];
  return misconfigured(
    noIdToken
      ? `conduktor.auth.provider is "${provider}", but ${noIdToken} sign-in issues no OpenID Connect ID token, so Conduktor Console cannot validate it. Sign users in to Backstage with the OIDC provider Console trusts (${known}, or a generic OIDC provider bound to conduktorAuthApiRef; see the plugin README, "Sign-in").`
      : `conduktor.auth.provider is "${provider}", which is not one of ${known}. Set one of those, or remove it and bind conduktorAuthApiRef in your app (see the plugin README, "Sign-in").`,
  );
}

/** The API factory dependencies: the configuration and every built-in OIDC auth API. */
export const defaultAuthApiDeps = OIDC_AUTH_API_REFS;
