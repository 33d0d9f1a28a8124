import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConduktorError,
  errorTitle,
  explainUnauthorized,
  isConduktorError,
  isRetryable,
} from './errors.js';
import { conduktorError } from './test/fixtures.js';
import { fetchClusters, initSync } from './wasm/conduktor_card_core.js';

describe('isConduktorError', () => {
  it('recognises the core’s errors and nothing else', () => {
    expect(isConduktorError(conduktorError('network', 'x'))).toBe(true);
    expect(isConduktorError(new Error('x'))).toBe(false);
    expect(
      isConduktorError({
        name: 'ConduktorError',
        kind: 'network',
        message: 'x',
      }),
    ).toBe(false);
    expect(
      isConduktorError(
        Object.assign(new Error('x'), { name: 'ConduktorError', kind: 'nope' }),
      ),
    ).toBe(false);
    expect(isConduktorError(undefined)).toBe(false);
  });

  it('matches what the real wasm core rejects with', async () => {
    initSync({
      module: readFileSync(
        resolve(process.cwd(), 'js/wasm/conduktor_card_core_bg.wasm'),
      ),
    });
    const error = await fetchClusters('', '/api/proxy').catch(e => e);
    expect(isConduktorError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error instanceof ConduktorError).toBe(true);
    expect(new Error('x') instanceof ConduktorError).toBe(false);
    expect(
      new ConduktorError('timeout', 'slow') instanceof ConduktorError,
    ).toBe(true);
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/sign in/);
  });
});

describe('titles and retry advice', () => {
  it('has a title for every kind and retries only transient failures', () => {
    expect(errorTitle(conduktorError('proxy-rejected', 'x'))).toMatch(/proxy/);
    expect(isRetryable(conduktorError('timeout', 'x'))).toBe(true);
    expect(isRetryable(conduktorError('forbidden', 'x'))).toBe(false);
  });
});

describe('explainUnauthorized', () => {
  const report = {
    algorithm: 'RS256',
    issuer: 'https://idp',
    audience: [],
    expiresAt: 2_000,
    expired: false,
    hasEmailClaim: true,
    hasGroupsClaim: true,
    groups: [],
  };

  it('names the likely causes from the token’s claims', () => {
    expect(explainUnauthorized(report, 1_000)).toEqual([
      expect.stringMatching(/issued by https:\/\/idp.*sso\.jwt-auth\.issuer/),
    ]);
    const reasons = explainUnauthorized(
      { ...report, hasEmailClaim: false },
      3_000,
    );
    expect(reasons[0]).toMatch(/expired/);
    expect(reasons[1]).toMatch(/no email claim/);
    expect(explainUnauthorized(null)[0]).toMatch(/not a JWT/);
    expect(explainUnauthorized(undefined)).toEqual([]);
  });
});
