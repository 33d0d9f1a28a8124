/**
 * Bytes: the core's files as built, and what each approach adds to an app's bundle,
 * measured as an esbuild bundle of that approach's client alone (ESM, minified, tree-shaken,
 * browser target), gzip -9. A's figure adds its .wasm, which the app serves as an asset.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Approach } from '../shared/workloads';

export interface Sized {
  raw: number;
  gzip: number;
}

export interface Sizes {
  wasm: Sized;
  /** conduktor_card_core.js plus its inline snippets. */
  glue: Sized;
  /** Minified JS each approach adds; `withWasm` adds A's .wasm (gzip) to its JS. */
  bundles: Record<Approach, { minified: Sized; totalGzip: number }>;
}

const gzip = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).byteLength;
const sized = (bytes: Uint8Array): Sized => ({ raw: bytes.byteLength, gzip: gzip(bytes) });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function bundle(entry: string, alias: Record<string, string> = {}): Promise<Sized> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    alias,
    logLevel: 'silent',
  });
  return sized(result.outputFiles[0]!.contents);
}

export async function measureSizes(coreDir: string, benchSrc: string): Promise<Sizes> {
  const wasm = sized(readFileSync(join(coreDir, 'conduktor_card_core_bg.wasm')));
  const glueFiles = [join(coreDir, 'conduktor_card_core.js'), ...filesUnder(join(coreDir, 'snippets')).filter(f => f.endsWith('.js'))];
  const glueBytes = Buffer.concat(glueFiles.map(f => readFileSync(f)));
  const a = await bundle(join(benchSrc, 'sizes/core-entry.ts'), { 'conduktor-core': join(coreDir, 'conduktor_card_core.js') });
  const b = await bundle(join(benchSrc, 'sizes/native-entry.ts'));
  const c = await bundle(join(benchSrc, 'sizes/careful-entry.ts'));
  return {
    wasm,
    glue: sized(glueBytes),
    bundles: {
      A: { minified: a, totalGzip: a.gzip + wasm.gzip },
      B: { minified: b, totalGzip: b.gzip },
      C: { minified: c, totalGzip: c.gzip },
    },
  };
}
