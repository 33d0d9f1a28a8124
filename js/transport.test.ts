import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every shipped TypeScript source of the shim (tests and generated glue excluded). */
function shippedSources(dir = resolve(process.cwd(), 'js')): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'wasm' || name === 'test' ? [] : shippedSources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('transport', () => {
  it('leaves Conduktor calls to the core: no fetchApi and no fetch in the shim', () => {
    const sources = shippedSources();
    expect(sources.length).toBeGreaterThan(5);
    for (const path of sources) {
      const text = readFileSync(path, 'utf8');
      // fetchApi would inject the user's Backstage token whenever the IdP token is missing.
      expect(text, path).not.toMatch(/fetchApiRef|fetchApi\b/);
      expect(text, path).not.toMatch(/\bfetch\(/);
    }
  });
});
