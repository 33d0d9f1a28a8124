import {
  ApiBlueprint,
  createFrontendModule,
  discoveryApiRef,
} from '@backstage/frontend-plugin-api';
import { conduktorAuthApiRef } from 'backstage-plugin-conduktor-card';

/**
 * Harness only. Binds the card's auth ref to the simulator's development IdP
 * (reached through the `/conduktor-idp` proxy endpoint) instead of a real OIDC
 * provider, so the card gets a JWT that the simulator, like Console, validates.
 * A production app binds the ref to its OIDC provider's auth API instead.
 */
export const conduktorDevAuthModule = createFrontendModule({
  pluginId: 'conduktor',
  extensions: [
    ApiBlueprint.make({
      name: 'auth',
      params: defineParams =>
        defineParams({
          api: conduktorAuthApiRef,
          deps: { discoveryApi: discoveryApiRef },
          factory: ({ discoveryApi }) => ({
            async getIdToken() {
              const proxyBase = await discoveryApi.getBaseUrl('proxy');
              const response = await fetch(`${proxyBase}/conduktor-idp/token`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({
                  email: 'developer@example.com',
                  groups: ['payments-developers'],
                }),
              });
              if (!response.ok) {
                throw new Error(`the development IdP answered ${response.status}`);
              }
              const { id_token: idToken } = await response.json();
              return idToken as string;
            },
          }),
        }),
    }),
  ],
});
