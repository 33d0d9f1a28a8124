// Builds the benchmark with esbuild: the page bundle (not minified, so CPU profiles keep
// function names) and the Node driver. Sizes are measured separately, by the driver.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist/page', { recursive: true });
await build({
  entryPoints: ['src/page/main.ts'],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outfile: 'dist/page/main.js',
  logLevel: 'warning',
});
copyFileSync('src/page/index.html', 'dist/page/index.html');
await build({
  entryPoints: ['src/driver/main.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/driver.mjs',
  // Real packages stay imports: esbuild's binary and playwright-core's browser glue.
  packages: 'external',
  logLevel: 'warning',
});
