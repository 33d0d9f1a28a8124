#!/usr/bin/env node
// Checks an installed Backstage app for duplicate copies of the packages that must be
// singletons in a frontend: two copies of @backstage/core-plugin-api or
// @backstage/frontend-plugin-api split the API registry and the routing context, two of
// @backstage/plugin-catalog-react the entity context, two of @backstage/ui its styles
// and context. Walks every node_modules folder of the app (root, workspaces, nested),
// which is what the bundler resolves from, and prints each singleton's versions.
//
// usage: node scripts/lib/singletons.mjs APP_DIR [PACKAGE...]
// Exits 1 when any singleton is installed more than once (or not at all), listing where.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const DEFAULT_SINGLETONS = [
  '@backstage/core-plugin-api',
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog-react',
  '@backstage/ui',
];

const [appDir, ...named] = process.argv.slice(2);
if (!appDir) {
  console.error('usage: singletons.mjs APP_DIR [PACKAGE...]');
  process.exit(2);
}
const singletons = named.length ? named : DEFAULT_SINGLETONS;

/** Every package directory under a node_modules folder, nested ones included. */
function* packagesIn(nodeModules) {
  let entries;
  try {
    entries = readdirSync(nodeModules, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      const scope = join(nodeModules, entry.name);
      for (const sub of readdirSync(scope, { withFileTypes: true })) {
        if (sub.isDirectory()) yield* packageAt(join(scope, sub.name), `${entry.name}/${sub.name}`);
      }
    } else {
      yield* packageAt(join(nodeModules, entry.name), entry.name);
    }
  }
}

function* packageAt(dir, name) {
  yield { name, dir };
  yield* packagesIn(join(dir, 'node_modules'));
}

const roots = [join(appDir, 'node_modules')];
for (const group of ['packages', 'plugins']) {
  const base = join(appDir, group);
  if (!existsSync(base)) continue;
  for (const ws of readdirSync(base, { withFileTypes: true })) {
    if (ws.isDirectory()) roots.push(join(base, ws.name, 'node_modules'));
  }
}

const found = new Map(singletons.map(name => [name, []]));
for (const root of roots) {
  for (const { name, dir } of packagesIn(root)) {
    if (!found.has(name)) continue;
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
    found.get(name).push({ version, where: relative(appDir, dir) });
  }
}

let failed = false;
for (const [name, copies] of found) {
  if (copies.length === 1) {
    console.log(`ok    ${name} ${copies[0].version} (one copy: ${copies[0].where})`);
    continue;
  }
  failed = true;
  if (copies.length === 0) {
    console.log(`FAIL  ${name}: not installed`);
  } else {
    console.log(`FAIL  ${name}: ${copies.length} copies`);
    for (const c of copies) console.log(`        ${c.version}  ${c.where}`);
  }
}
if (failed) {
  console.error(`error: ${appDir} does not have exactly one copy of each singleton package`);
  process.exit(1);
}
