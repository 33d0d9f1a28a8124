#!/usr/bin/env node
// A tiny static server for the benchmark page, on loopback only:
//   /            -> bench/dist/page (the esbuild bundle and index.html)
//   /core/...    -> the core package under test (BENCH_CORE_DIR), served as built
// It sends COOP/COEP so the page is cross-origin isolated: performance.now() then has
// 5 µs resolution instead of 100 µs, which matters for the 10-cluster workload.
// Usage: node static.mjs <port> <pageDir> <coreDir>
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const [port, pageDir, coreDir] = process.argv.slice(2);
if (!port || !pageDir || !coreDir) {
  console.error('usage: static.mjs <port> <pageDir> <coreDir>');
  process.exit(2);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json' };

/** Maps a URL path into root, refusing anything that escapes it. */
function within(root, urlPath) {
  const file = normalize(join(root, decodeURIComponent(urlPath)));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = path.startsWith('/core/') ? within(coreDir, path.slice('/core/'.length)) : within(pageDir, path === '/' ? 'index.html' : path.slice(1));
  try {
    if (!file) throw new Error('outside the served folders');
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
});
server.listen(Number(port), '127.0.0.1', () => console.error(`bench static server on http://127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
