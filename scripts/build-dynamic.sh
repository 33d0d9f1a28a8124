#!/usr/bin/env bash
# Builds the dynamic frontend plugin: the packed npm package (scripts/build.sh) rebuilt
# as a module federation remote by the Backstage CLI of the release the e2e apps run
# (`backstage-cli package build --module-federation`, dynamic/package.json), the
# core's .wasm emitted beside the remote's chunks. The result is the folder an
# adopter copies into `dynamicPlugins.rootDirectory`, and its tarball:
#   .artifacts/dynamic/backstage-plugin-conduktor-card/{package.json,dist/}
#   .artifacts/backstage-plugin-conduktor-card-dynamic.tgz
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
cd "$ROOT"

[ -f "$PLUGIN_TARBALL" ] || die "no plugin tarball; run scripts/build.sh first"
npm_ci_when_changed "$ROOT/dynamic" "the dynamic build's Backstage CLI"

# The stage is the package as published, its compiled JavaScript moved to src/ (the
# CLI bundles src/index of a package without `exports`) and its .wasm beside the glue.
# It lives under the repository so that the plugin's dependencies, React included,
# resolve from the root's node_modules, as they would from an app's.
stage="$DYNAMIC_BUILD/stage"
step "Building the dynamic frontend plugin (backstage-cli package build --module-federation)"
rm -rf "$DYNAMIC_BUILD" && mkdir -p "$stage"
tar xzf "$PLUGIN_TARBALL" -C "$stage" --strip-components=1
mv "$stage/dist" "$stage/src"
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const key of ["main", "module", "types", "exports", "typesVersions"]) delete pkg[key];
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
' "$stage/package.json"
(cd "$stage" && logged dynamic-build node22 "$ROOT/dynamic/node_modules/.bin/backstage-cli" package build --module-federation)

# The installable folder: the published package.json (main names the remote's entry,
# which the dynamic feature service requires to be set) and the remote's dist/, with
# the config schema the service merges into the app's, so that conduktor.* keys
# marked @visibility frontend reach the card.
out="$DYNAMIC_PLUGIN_DIR"
mkdir -p "$out"
cp -r "$stage/dist" "$out/dist"
cp "$stage/README.md" "$stage/config.d.ts" "$out/"
node -e '
  const fs = require("fs");
  const [from, to] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(from, "utf8"));
  const keep = ["name", "version", "description", "license", "repository", "keywords", "backstage", "configSchema"];
  const out = Object.fromEntries(keep.filter(k => k in pkg).map(k => [k, pkg[k]]));
  out.main = "dist/remoteEntry.js";
  out.files = ["dist", "config.d.ts", "README.md"];
  fs.writeFileSync(to, JSON.stringify(out, null, 2) + "\n");
' "$ROOT/package.json" "$out/package.json"
(cd "$ROOT/dynamic" && node -e '
  const { loadConfigSchema } = require("@backstage/config-loader");
  const fs = require("fs");
  const [pkgDir, target] = process.argv.slice(1);
  loadConfigSchema({ dependencies: [], packagePaths: [pkgDir + "/package.json"] }).then(schema =>
    fs.writeFileSync(target, JSON.stringify(schema.serialize(), null, 2)),
  ).catch(e => { console.error(e); process.exit(1); });
' "$out" "$out/dist/.config-schema.json")

# What the dynamic feature service and the loader need, and the core itself.
manifest="$out/dist/mf-manifest.json"
[ -f "$manifest" ] || die "the remote has no mf-manifest.json"
node -e '
  const m = require(process.argv[1]);
  const exposed = m.exposes.map(e => e.name);
  if (!m.metaData.remoteEntry.name || !exposed.includes(".")) throw new Error("manifest: " + JSON.stringify({ entry: m.metaData.remoteEntry, exposed }));
  console.log(`remote ${m.name}: entry ${m.metaData.remoteEntry.name}, exposes ${exposed.join(", ")}, shares ${m.shared.map(s => s.name).join(", ")}`);
' "$manifest"
wasm=$(find "$out/dist" -name '*.wasm')
[ "$(echo "$wasm" | grep -c .)" = 1 ] || die "the remote should hold exactly one .wasm, found: ${wasm:-none}"
cmp -s "$wasm" "$stage/src/wasm/conduktor_card_core_bg.wasm" || die "the remote's .wasm is not the package's core"
grep -rqF "$(basename "$wasm")" "$out/dist/static" || die "no chunk of the remote names ${wasm#"$out"/}"
grep -q 'conduktor\.' "$out/dist/.config-schema.json" || die "the config schema lacks the conduktor keys"

rm -f "$DYNAMIC_PLUGIN_TARBALL"
packed=$(cd "$out" && npm pack --silent --pack-destination "$ARTIFACTS")
mv "$ARTIFACTS/$packed" "$DYNAMIC_PLUGIN_TARBALL"
echo "dynamic plugin: ${out#"$ROOT"/} (.wasm ${wasm#"$out"/}, $(stat -c %s "$wasm") B), packed ${DYNAMIC_PLUGIN_TARBALL#"$ROOT"/} ($(stat -c %s "$DYNAMIC_PLUGIN_TARBALL") B)"
