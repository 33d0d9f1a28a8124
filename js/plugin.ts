import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import {
  conduktorAuthApiFactory,
  conduktorClientApiFactory,
} from './api/apiFactories.js';
import { preloadCore } from './core/loadCore.js';
import { conduktorContentRouteRef } from './routes.js';

/** The plugin for apps on Backstage's legacy frontend system. */
export const conduktorPlugin = createPlugin({
  id: 'conduktor',
  apis: [conduktorAuthApiFactory, conduktorClientApiFactory],
  routes: { entityContent: conduktorContentRouteRef },
});

/** Entity card for legacy apps: `<EntityConduktorCard />` in an entity page's overview. */
export const EntityConduktorCard = conduktorPlugin.provide(
  createComponentExtension({
    name: 'EntityConduktorCard',
    component: {
      // The wasm core loads beside the card's chunk (see alpha.tsx).
      lazy: () => {
        preloadCore();
        return import('./components/ConduktorCard.js').then(
          m => m.ConduktorCard,
        );
      },
    },
  }),
);

/**
 * The Kafka tab for legacy apps:
 * `<EntityLayout.Route path="/kafka" title="Kafka" if={isConduktorAvailable}><EntityConduktorContent /></EntityLayout.Route>`.
 */
export const EntityConduktorContent = conduktorPlugin.provide(
  createRoutableExtension({
    name: 'EntityConduktorContent',
    component: () => {
      preloadCore();
      return import('./components/ConduktorContent.js').then(
        m => m.ConduktorContent,
      );
    },
    mountPoint: conduktorContentRouteRef,
  }),
);
