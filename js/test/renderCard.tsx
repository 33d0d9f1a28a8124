import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { conduktorApiRef, type ConduktorApi } from '../api/types.js';
import { ConduktorCard } from '../components/ConduktorCard.js';
import { clusters, entity } from './fixtures.js';

/** A ConduktorApi whose overview is the given function; clusters from the fixtures. */
export function fakeApi(fetchEntityOverview: ConduktorApi['fetchEntityOverview'], signIn = async () => {}): ConduktorApi {
  return { fetchClusters: async () => Object.assign([...clusters], { truncated: false, problems: [] }), fetchEntityOverview, signIn };
}

/** The card on the fixture entity, in Backstage's test app, with `api` bound. */
export function renderCard(api: ConduktorApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[conduktorApiRef, api]]}>
      <EntityProvider entity={entity}>
        <ConduktorCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}
