import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * Measurement only (scripts/time-to-card.sh): the seed's approach as an entity card,
 * `entity-card:app/ttc-seed`, disabled unless the measurement enables it through the
 * frontend configuration (`app.extensions`), so the end-to-end app and its tests never
 * see it. It is not part of the plugin package.
 */
export const timeToCardModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    EntityCardBlueprint.make({
      name: 'ttc-seed',
      disabled: true,
      params: {
        type: 'content',
        filter: { kind: 'component' },
        loader: () => import('./SeedCard').then(m => <m.SeedCard />),
      },
    }),
  ],
});
