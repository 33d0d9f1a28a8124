// @vitest-environment node
// The shim with the real wasm core (not a fake), against the Console simulator that
// scripts/test.sh starts for the core's browser tests (CONDUKTOR_SIM_URL). Node's
// own fetch and AbortSignal stand in for the browser's.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConduktorCore } from '../core/loadCore.js';
import { isConduktorError } from '../errors.js';
import { ConduktorClient } from './ConduktorClient.js';

const SIM_URL = process.env.CONDUKTOR_SIM_URL;

async function idToken(email: string, groups: string[]): Promise<string> {
  const response = await fetch(`${SIM_URL}/idp/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, groups }),
  });
  const { id_token: token } = (await response.json()) as { id_token: string };
  return token;
}

describe.skipIf(!SIM_URL)('ConduktorClient with the real wasm core', () => {
  let core: ConduktorCore;

  beforeAll(async () => {
    const glue = await import('../wasm/conduktor_card_core.js');
    glue.initSync({
      module: readFileSync(
        resolve(process.cwd(), 'js/wasm/conduktor_card_core_bg.wasm'),
      ),
    });
    core = glue;
  });

  function client(email: string, groups: string[]) {
    return new ConduktorClient({
      discoveryApi: { getBaseUrl: async () => SIM_URL! },
      authApi: { getIdToken: () => idToken(email, groups) },
      proxyPath: '/api',
      consoleUrl: 'https://console.example.com',
      loadCore: async () => core,
    });
  }

  it('loads an entity overview the signed-in user may see, without credentials, with Console links', async () => {
    const overview = await client('developer@example.com', [
      'payments-developers',
    ]).fetchEntityOverview(
      { 'conduktor.io/topics': 'prod-eu/payments.*' },
      { refresh: true },
    );
    expect(overview.topics.map(t => t.name)).toContain('payments.orders');
    expect(overview.topics.every(t => t.name.startsWith('payments.'))).toBe(
      true,
    );
    expect(overview.clusters.map(c => c.name)).toEqual(['prod-eu']);
    expect(overview.topics[0].consoleLink).toMatch(
      /^https:\/\/console\.example\.com\/console\/prod-eu\/topics\//,
    );
    expect(JSON.stringify(overview)).not.toContain('SIM-SECRET');
  });

  it('passes the core’s typed rejection through, with what the token says', async () => {
    const noGroups = client('nobody@example.com', []);
    const clusters = await noGroups.fetchClusters({ refresh: true });
    expect([...clusters]).toEqual([]);
    expect(clusters.problems).toEqual([]);
    const broken = new ConduktorClient({
      discoveryApi: { getBaseUrl: async () => SIM_URL! },
      authApi: {
        getIdToken: async () =>
          'eyJhbGciOiJub25lIn0.eyJlbWFpbCI6ImFAYi5jIn0.c2ln',
      },
      proxyPath: '/api',
      loadCore: async () => core,
    });
    const error = await broken.fetchClusters().catch((e: unknown) => e);
    expect(isConduktorError(error) && error.kind).toBe('unauthorized');
    expect(
      (error as { tokenReport?: { hasEmailClaim: boolean } }).tokenReport
        ?.hasEmailClaim,
    ).toBe(true);
  });
});
