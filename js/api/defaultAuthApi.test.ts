import { describe, expect, it } from 'vitest';
import {
  defaultConduktorAuthApi,
  OIDC_AUTH_API_REFS,
  type OidcProvider,
} from './defaultAuthApi.js';
import { unboundAuthApi } from './unboundAuthApi.js';

function config(provider?: string) {
  return {
    getOptionalString: (key: string) =>
      key === 'conduktor.auth.provider' ? provider : undefined,
  };
}

const apis = Object.fromEntries(
  Object.keys(OIDC_AUTH_API_REFS).map(name => [
    name,
    { getIdToken: async () => `${name}-id-token` },
  ]),
) as unknown as Record<OidcProvider, { getIdToken: () => Promise<string> }>;

describe('defaultConduktorAuthApi', () => {
  it('forwards the ID token of the built-in provider conduktor.auth.provider names', async () => {
    for (const provider of [
      'okta',
      'microsoft',
      'google',
      'gitlab',
      'onelogin',
      'vmware-cloud',
    ]) {
      await expect(
        defaultConduktorAuthApi(config(provider), apis).getIdToken(),
      ).resolves.toBe(`${provider}-id-token`);
    }
  });

  it('without a provider, asks the app to bind conduktorAuthApiRef', async () => {
    const api = defaultConduktorAuthApi(config(), apis);
    expect(api).toBe(unboundAuthApi);
    await expect(api.getIdToken()).rejects.toThrow(/bind conduktorAuthApiRef/);
  });

  it('explains why a provider without ID tokens cannot work, instead of a blank card', async () => {
    await expect(
      defaultConduktorAuthApi(config('github'), apis).getIdToken(),
    ).rejects.toThrow(/GitHub sign-in issues no OpenID Connect ID token/);
    await expect(
      defaultConduktorAuthApi(config('openshift'), apis).getIdToken(),
    ).rejects.toThrow(/OpenShift/);
    await expect(
      defaultConduktorAuthApi(config('keycloak'), apis).getIdToken(),
    ).rejects.toThrow(
      /not one of okta, microsoft, google, gitlab, onelogin, vmware-cloud/,
    );
  });
});
