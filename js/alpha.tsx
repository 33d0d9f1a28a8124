import { compatWrapper } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  conduktorAuthApiFactory,
  conduktorClientApiFactory,
} from './api/apiFactories.js';
import { preloadCore } from './core/loadCore.js';
import { isConduktorAvailable } from './constants.js';

/**
 * `api:conduktor/auth`: the built-in auth API named by `conduktor.auth.provider`;
 * override it from an app module to bind any other identity provider.
 */
const conduktorAuthApi = ApiBlueprint.make({
  name: 'auth',
  params: defineParams => defineParams(conduktorAuthApiFactory),
});

const conduktorApi = ApiBlueprint.make({
  params: defineParams => defineParams(conduktorClientApiFactory),
});

/**
 * `entity-card:conduktor/clusters` on the entity overview. Its loader (and the tab's)
 * starts loading the wasm core beside the card's chunks: the first request to Console
 * then leaves as soon as the card mounts and has the user's token.
 */
export const conduktorEntityCard = EntityCardBlueprint.make({
  name: 'clusters',
  params: {
    type: 'content',
    filter: { kind: 'component' },
    loader: () => {
      preloadCore();
      return import('./components/ConduktorCard.js').then(m =>
        compatWrapper(<m.ConduktorCard />),
      );
    },
  },
});

/** `entity-content:conduktor/kafka`: the Kafka tab, on entities with a Conduktor annotation. */
export const conduktorEntityContent = EntityContentBlueprint.make({
  name: 'kafka',
  params: {
    path: '/kafka',
    title: 'Kafka',
    filter: isConduktorAvailable,
    loader: () => {
      preloadCore();
      return import('./components/ConduktorContent.js').then(m =>
        compatWrapper(<m.ConduktorContent />),
      );
    },
  },
});

/** The plugin for apps on Backstage's new frontend system (auto-discovered). */
export default createFrontendPlugin({
  pluginId: 'conduktor',
  extensions: [
    conduktorAuthApi,
    conduktorApi,
    conduktorEntityCard,
    conduktorEntityContent,
  ],
});
