import { ApiBlueprint, createApiRef, createFrontendModule } from '@backstage/frontend-plugin-api';
import { harnessOidcAuthApiRef } from './harnessOidc';

/**
 * The card's auth ref, named by its id: the plugin is installed dynamically, so app
 * code cannot import `conduktorAuthApiRef` from it. Backstage matches API refs by id,
 * so this ref and the plugin's are the same API.
 */
const conduktorAuthApiRef = createApiRef<{ getIdToken(): Promise<string> }>({ id: 'plugin.conduktor.auth' });

/**
 * Overrides the plugin's `api:conduktor/auth` extension (the built-in providers named
 * by conduktor.auth.provider) with the harness's provider, which is not one of them.
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
