import {
  configApiRef,
  createApiFactory,
  discoveryApiRef,
} from '@backstage/core-plugin-api';
import { ConduktorClient } from './ConduktorClient.js';
import {
  defaultAuthApiDeps,
  defaultConduktorAuthApi,
} from './defaultAuthApi.js';
import { conduktorApiRef, conduktorAuthApiRef } from './types.js';

// The plugin's two API factories, each defined once for both frontend systems: the
// legacy plugin lists them, the new one's ApiBlueprint extensions take them as params.

/** The built-in auth API named by `conduktor.auth.provider`. */
export const conduktorAuthApiFactory = createApiFactory({
  api: conduktorAuthApiRef,
  deps: { configApi: configApiRef, ...defaultAuthApiDeps },
  factory: ({ configApi, ...apis }) => defaultConduktorAuthApi(configApi, apis),
});

/** The Conduktor client, from the app's config, discovery and the auth API bound for Conduktor. */
export const conduktorClientApiFactory = createApiFactory({
  api: conduktorApiRef,
  deps: {
    configApi: configApiRef,
    discoveryApi: discoveryApiRef,
    authApi: conduktorAuthApiRef,
  },
  factory: ({ configApi, discoveryApi, authApi }) =>
    ConduktorClient.fromConfig(configApi, { discoveryApi, authApi }),
});
