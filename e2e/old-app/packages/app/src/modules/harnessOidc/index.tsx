import {
  ApiBlueprint,
  configApiRef,
  createApiRef,
  createFrontendModule,
  discoveryApiRef,
  oauthRequestApiRef,
  type BackstageIdentityApi,
  type OpenIdConnectApi,
  type ProfileInfoApi,
  type SessionApi,
} from '@backstage/frontend-plugin-api';
import { OAuth2 } from '@backstage/core-app-api';
import { SignInPage } from '@backstage/core-components';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { conduktorAuthApiRef } from 'backstage-plugin-conduktor-card';

/**
 * The harness's OpenID Provider (e2e/idp, oidc-provider), as Backstage's generic
 * OIDC sign-in: the backend module @backstage/plugin-auth-backend-module-oidc-provider
 * registers the provider id `oidc`, and this ref is its frontend half. The same
 * provider is the issuer the Console simulator trusts (`conduktor-sim --issuer`).
 */
export const harnessOidcAuthApiRef = createApiRef<
  OpenIdConnectApi & ProfileInfoApi & BackstageIdentityApi & SessionApi
>({ id: 'auth.harness-oidc' });

const PROVIDER = { id: 'oidc', title: 'Harness IdP', icon: () => null };

const oidcAuthApi = ApiBlueprint.make({
  name: 'harness-oidc',
  params: defineParams =>
    defineParams({
      api: harnessOidcAuthApiRef,
      deps: { configApi: configApiRef, discoveryApi: discoveryApiRef, oauthRequestApi: oauthRequestApiRef },
      factory: ({ configApi, discoveryApi, oauthRequestApi }) =>
        OAuth2.create({
          configApi,
          discoveryApi,
          oauthRequestApi,
          provider: PROVIDER,
          environment: configApi.getOptionalString('auth.environment'),
          // `groups` puts the user's IdP groups in the ID token, which Console maps to its RBAC.
          defaultScopes: ['openid', 'profile', 'email', 'groups'],
        }),
    }),
});

/** Replaces the default (guest) sign-in page: users sign in through the provider's login page. */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props =>
      (
        <SignInPage
          {...props}
          provider={{
            id: 'oidc-auth-provider',
            title: PROVIDER.title,
            message: 'Sign in with the harness OpenID Provider (the demo users are printed by scripts/demo.sh)',
            apiRef: harnessOidcAuthApiRef,
          }}
        />
      ),
  },
});

export const harnessOidcModule = createFrontendModule({
  pluginId: 'app',
  extensions: [oidcAuthApi, signInPage],
});

/**
 * Binds the card's auth ref to the same provider exactly as the plugin README tells
 * adopters to; the plugin's "Sign in again" ends the session before signing in, so
 * an expired ID token is replaced even while OAuth2's access token is still valid.
 */
export const conduktorAuthModule = createFrontendModule({
  pluginId: 'conduktor',
  extensions: [
    ApiBlueprint.make({
      name: 'auth',
      params: defineParams =>
        defineParams({
          api: conduktorAuthApiRef,
          deps: { oidc: harnessOidcAuthApiRef },
          factory: ({ oidc }) => oidc,
        }),
    }),
  ],
});
