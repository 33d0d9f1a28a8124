import { describe, expect, it, vi } from 'vitest';
import { ConduktorClient } from './ConduktorClient.js';
import type { ConduktorCore } from '../core/loadCore.js';
import { clusters, conduktorError, overview } from '../test/fixtures.js';

function setup(token = 'header.payload.signature') {
  const core: ConduktorCore = {
    fetchClusters: vi.fn().mockResolvedValue(clusters),
    fetchEntityOverview: vi.fn().mockResolvedValue(overview),
    inspectToken: vi.fn(),
  };
  const getIdToken = vi.fn().mockResolvedValue(token);
  const client = new ConduktorClient({
    discoveryApi: {
      getBaseUrl: vi.fn().mockResolvedValue('http://localhost:7007/api/proxy'),
    },
    authApi: { getIdToken },
    loadCore: async () => core,
  });
  return { client, core, getIdToken };
}

describe('ConduktorClient', () => {
  it('hands the ID token and the proxy base straight to the core', async () => {
    const { client, core } = setup();
    const signal = new AbortController().signal;
    await expect(client.fetchClusters({ signal })).resolves.toEqual(clusters);
    expect(core.fetchClusters).toHaveBeenCalledWith(
      'header.payload.signature',
      'http://localhost:7007/api/proxy',
      {
        signal,
        proxyPath: undefined,
      },
    );
  });

  it('asks for a fresh token on every call and keeps it in no field', async () => {
    const { client, getIdToken } = setup('marker-token-123');
    await client.fetchClusters();
    await client.fetchClusters();
    expect(getIdToken).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(client)).not.toContain('marker-token-123');
  });

  it('passes a configured proxy path', async () => {
    const core: ConduktorCore = {
      fetchClusters: vi.fn().mockResolvedValue([]),
      fetchEntityOverview: vi.fn(),
      inspectToken: vi.fn(),
    };
    const client = new ConduktorClient({
      discoveryApi: { getBaseUrl: async () => '/api/proxy' },
      authApi: { getIdToken: async () => 't' },
      proxyPath: '/kafka-console',
      loadCore: async () => core,
    });
    await client.fetchClusters();
    expect(core.fetchClusters).toHaveBeenCalledWith('t', '/api/proxy', {
      proxyPath: '/kafka-console',
    });
  });

  it('hands the entity’s annotations to the core for the overview', async () => {
    const { client, core } = setup();
    const annotations = { 'conduktor.io/topics': 'prod-eu/payments.*' };
    await expect(
      client.fetchEntityOverview(annotations, { refresh: true }),
    ).resolves.toBe(overview);
    expect(core.fetchEntityOverview).toHaveBeenCalledWith(
      'header.payload.signature',
      'http://localhost:7007/api/proxy',
      annotations,
      {
        refresh: true,
        proxyPath: undefined,
      },
    );
  });

  it('explains a 401 with what the token says, without keeping the token', async () => {
    const { client, core } = setup('marker-token-123');
    const report = { issuer: 'https://idp', expired: true } as never;
    vi.mocked(core.inspectToken).mockReturnValue(report);
    vi.mocked(core.fetchEntityOverview).mockRejectedValue(
      conduktorError('unauthorized', '401', 401),
    );
    const error = await client.fetchEntityOverview({}).catch(e => e);
    expect(error.tokenReport).toBe(report);
    expect(core.inspectToken).toHaveBeenCalledWith('marker-token-123');
    expect(JSON.stringify(error)).not.toContain('marker-token-123');
    vi.mocked(core.inspectToken).mockImplementation(() => {
      throw conduktorError('invalid-input', 'not a JWT');
    });
    const opaque = await client.fetchEntityOverview({}).catch(e => e);
    expect(opaque.tokenReport).toBeNull();
  });

  it('reads its settings from app-config and can forward an access token instead', async () => {
    const core: ConduktorCore = {
      fetchClusters: vi.fn().mockResolvedValue([]),
      fetchEntityOverview: vi.fn(),
      inspectToken: vi.fn(),
    };
    const values: Record<string, string | number> = {
      'conduktor.proxyPath': '/kafka',
      'conduktor.auth.token': 'access',
      'conduktor.auth.scope': 'api://console/read',
      'conduktor.requestTimeoutMs': 5000,
      'conduktor.consoleUrl': 'https://console.example.com',
      'conduktor.consoleLinks.topic': '/ui/{cluster}/{topic}',
    };
    const configApi = {
      getOptionalString: (key: string) => values[key] as string | undefined,
      getOptionalNumber: (key: string) => values[key] as number | undefined,
    };
    const getAccessToken = vi.fn().mockResolvedValue('access-jwt');
    const authApi = { getIdToken: vi.fn(), getAccessToken };
    const discoveryApi = { getBaseUrl: async () => '/api/proxy' };
    const client = ConduktorClient.fromConfig(configApi, {
      discoveryApi,
      authApi,
      loadCore: async () => core,
    });
    await client.fetchClusters();
    expect(getAccessToken).toHaveBeenCalledWith('api://console/read');
    expect(authApi.getIdToken).not.toHaveBeenCalled();
    expect(core.fetchClusters).toHaveBeenCalledWith(
      'access-jwt',
      '/api/proxy',
      {
        timeoutMs: 5000,
        proxyPath: '/kafka',
        consoleUrl: 'https://console.example.com',
        consoleLinks: { topic: '/ui/{cluster}/{topic}' },
      },
    );

    const idOnly = ConduktorClient.fromConfig(configApi, {
      discoveryApi,
      authApi: { getIdToken: vi.fn() },
      loadCore: async () => core,
    });
    await expect(idOnly.fetchClusters()).rejects.toThrow(
      /has no getAccessToken/,
    );
    values['conduktor.auth.token'] = 'refresh';
    expect(() =>
      ConduktorClient.fromConfig(configApi, { discoveryApi, authApi }),
    ).toThrow(/must be "id" or "access"/);
  });

  it('signs in again by ending the session first, so the provider issues a fresh ID token', async () => {
    const calls: string[] = [];
    const authApi = {
      getIdToken: async () => 'id-jwt',
      signOut: async () => {
        calls.push('signOut');
      },
      signIn: async () => {
        calls.push('signIn');
      },
    };
    const client = new ConduktorClient({
      discoveryApi: { getBaseUrl: async () => '/api/proxy' },
      authApi,
    });
    await client.signIn();
    expect(calls).toEqual(['signOut', 'signIn']);
    const idOnly = new ConduktorClient({
      discoveryApi: { getBaseUrl: async () => '/api/proxy' },
      authApi: {
        getIdToken: async () => 'id-jwt',
        signOut: async () => calls.push('signOut only') as unknown as void,
      },
    });
    await idOnly.signIn();
    expect(calls).not.toContain('signOut only'); // no way back in: do not sign out
  });

  it('lets the core’s typed errors through unchanged', async () => {
    const { client, core } = setup();
    const error = conduktorError('forbidden', 'no', 403);
    vi.mocked(core.fetchClusters).mockRejectedValue(error);
    await expect(client.fetchClusters()).rejects.toBe(error);
  });
});
