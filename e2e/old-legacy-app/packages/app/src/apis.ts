import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
  ScmAuth,
} from '@backstage/integration-react';
import {
  AnyApiFactory,
  BackstageIdentityApi,
  configApiRef,
  createApiFactory,
  createApiRef,
  discoveryApiRef,
  oauthRequestApiRef,
  OpenIdConnectApi,
  ProfileInfoApi,
  SessionApi,
} from '@backstage/core-plugin-api';
import { OAuth2 } from '@backstage/core-app-api';
import { conduktorAuthApiRef } from 'backstage-plugin-conduktor-card';

/**
 * Harness: the e2e OpenID Provider (e2e/idp) as Backstage's generic OIDC sign-in
 * (backend module @backstage/plugin-auth-backend-module-oidc-provider, provider id
 * `oidc`). It is the issuer the Console simulator trusts (`conduktor-sim --issuer`).
 */
export const harnessOidcAuthApiRef = createApiRef<
  OpenIdConnectApi & ProfileInfoApi & BackstageIdentityApi & SessionApi
>({ id: 'auth.harness-oidc' });

export const apis: AnyApiFactory[] = [
  createApiFactory({
    api: scmIntegrationsApiRef,
    deps: { configApi: configApiRef },
    factory: ({ configApi }) => ScmIntegrationsApi.fromConfig(configApi),
  }),
  ScmAuth.createDefaultApiFactory(),
  createApiFactory({
    api: harnessOidcAuthApiRef,
    deps: {
      configApi: configApiRef,
      discoveryApi: discoveryApiRef,
      oauthRequestApi: oauthRequestApiRef,
    },
    factory: ({ configApi, discoveryApi, oauthRequestApi }) =>
      OAuth2.create({
        configApi,
        discoveryApi,
        oauthRequestApi,
        provider: { id: 'oidc', title: 'Harness IdP', icon: () => null },
        environment: configApi.getOptionalString('auth.environment'),
        // `groups` puts the user's IdP groups in the ID token, which Console maps to its RBAC.
        defaultScopes: ['openid', 'profile', 'email', 'groups'],
      }),
  }),
  // The plugin README's legacy binding, with the harness's provider as the IdP.
  createApiFactory({
    api: conduktorAuthApiRef,
    deps: { idp: harnessOidcAuthApiRef },
    factory: ({ idp }) => idp,
  }),
];
