import type { ReactElement } from 'react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { configApiRef } from '@backstage/core-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { conduktorApiRef, type ConduktorApi } from '../api/types.js';
import { ConduktorCard } from '../components/ConduktorCard.js';
import { clusters, entity as paymentsApi } from './fixtures.js';

/** A ConduktorApi whose overview is the given function; clusters from the fixtures. */
export function fakeApi(
  fetchEntityOverview: ConduktorApi['fetchEntityOverview'],
  signIn = async () => {},
): ConduktorApi {
  return {
    fetchClusters: async () =>
      Object.assign([...clusters], { truncated: false, problems: [] }),
    fetchEntityOverview,
    signIn,
  };
}

/**
 * `element` on `entity` in Backstage's test app, with `api` bound, the catalog's
 * entity route mounted (the card links to the tab under it) and app-config `config`.
 */
export function renderOnEntity(
  element: ReactElement,
  api: ConduktorApi,
  {
    entity = paymentsApi,
    config = {},
  }: { entity?: Entity; config?: JsonObject } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [conduktorApiRef, api],
        [configApiRef, mockApis.config({ data: config })],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The card on the fixture entity. */
export function renderCard(
  api: ConduktorApi,
  options?: Parameters<typeof renderOnEntity>[2],
) {
  return renderOnEntity(<ConduktorCard />, api, options);
}
