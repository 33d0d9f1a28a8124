import { ApiBlueprint, createFrontendModule } from '@backstage/frontend-plugin-api';
import { conduktorAuthApiRef } from 'backstage-plugin-conduktor-card';
import { harnessOidcAuthApiRef } from './harnessOidc';

/**
 * Binds the card's auth ref to the harness's provider exactly as the plugin README tells
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
