import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  configApiRef,
  discoveryApiRef,
} from '@backstage/core-plugin-api';
import { ConduktorClient } from './api/ConduktorClient.js';
import { conduktorApiRef, conduktorAuthApiRef } from './api/types.js';
import { defaultAuthApiDeps, defaultConduktorAuthApi } from './api/defaultAuthApi.js';

/** The plugin for apps on Backstage's legacy frontend system. */
export const conduktorPlugin = createPlugin({
  id: 'conduktor',
  apis: [
    createApiFactory({
      api: conduktorAuthApiRef,
      deps: { configApi: configApiRef, ...defaultAuthApiDeps },
      factory: ({ configApi, ...apis }) => defaultConduktorAuthApi(configApi, apis),
    }),
    createApiFactory({
      api: conduktorApiRef,
      deps: { configApi: configApiRef, discoveryApi: discoveryApiRef, authApi: conduktorAuthApiRef },
      factory: ({ configApi, discoveryApi, authApi }) => ConduktorClient.fromConfig(configApi, { discoveryApi, authApi }),
    }),
  ],
});

/** Entity card for legacy apps: `<EntityConduktorCard />` on an entity page. */
export const EntityConduktorCard = conduktorPlugin.provide(
  createComponentExtension({
    name: 'EntityConduktorCard',
    component: {
      lazy: () => import('./components/ConduktorCard.js').then(m => m.ConduktorCard),
    },
  }),
);
