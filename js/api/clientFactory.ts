import { configApiRef, discoveryApiRef } from '@backstage/core-plugin-api';
import { ConduktorClient } from './ConduktorClient.js';
import { conduktorAuthApiRef } from './types.js';

/** What the Conduktor client is made from, in either frontend system's API factory. */
export const conduktorClientDeps = {
  configApi: configApiRef,
  discoveryApi: discoveryApiRef,
  authApi: conduktorAuthApiRef,
};

/** The Conduktor client from the app's config, discovery and the auth API bound for Conduktor. */
export function createConduktorClient({
  configApi,
  ...deps
}: {
  configApi: Parameters<typeof ConduktorClient.fromConfig>[0];
} & Parameters<typeof ConduktorClient.fromConfig>[1]): ConduktorClient {
  return ConduktorClient.fromConfig(configApi, deps);
}
