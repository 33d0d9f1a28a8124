#!/usr/bin/env bash
# Red Hat Developer Hub's export of the plugin, checked as far as this machine allows
# without RHDH: `npx @red-hat-developer-hub/cli plugin export` on the packed npm package
# (scripts/build.sh), which writes a dynamic plugin package to dist-dynamic/ with its
# Scalprum (legacy frontend system) assets in dist-dynamic/dist-scalprum/. The package's
# `scalprum` field names the module RHDH loads (PluginRoot: dist/index.js, the legacy
# exports). This checks that the export builds, that it holds the core's .wasm, and that
# the module exports every name the README's dynamic-plugins.yaml snippet mounts.
# The new frontend system's remote is scripts/build-dynamic.sh's (the Backstage CLI of
# the e2e apps' release), so RHDH's own module federation build is skipped here.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
. "$ROOT/scripts/lib/backstage.sh"
cd "$ROOT"

RHDH_CLI_VERSION=${RHDH_CLI_VERSION:-1.9.1}
[ -f "$PLUGIN_TARBALL" ] || die "no plugin tarball; run scripts/build.sh first"

# The package as published, under the repository so that its dependencies resolve from
# the root's node_modules as they would from an app's.
stage="$ARTIFACTS/rhdh/backstage-plugin-conduktor-card"
rm -rf "$ARTIFACTS/rhdh" && mkdir -p "$stage"
tar xzf "$PLUGIN_TARBALL" -C "$stage" --strip-components=1
# The CLI reads `exports` as Backstage's source packages write it, one path per entry
# point ("Exports field value must be a string"); the published package maps each to
# {types, default}. The export gets the default paths.
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const [k, v] of Object.entries(pkg.exports)) if (typeof v === "object") pkg.exports[k] = v.default;
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
' "$stage/package.json"
step "RHDH export: npx @red-hat-developer-hub/cli@$RHDH_CLI_VERSION plugin export (Scalprum assets)"
(cd "$stage" && logged rhdh-export node22 npx --yes "@red-hat-developer-hub/cli@$RHDH_CLI_VERSION" plugin export --no-generate-module-federation-assets)

out="$stage/dist-dynamic"
scalprum="$out/dist-scalprum"
[ -f "$scalprum/plugin-manifest.json" ] || die "the export has no dist-scalprum/plugin-manifest.json"
node -e '
  const fs = require("fs");
  const [out, scalprum] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(out + "/package.json", "utf8"));
  const manifest = JSON.parse(fs.readFileSync(scalprum + "/plugin-manifest.json", "utf8"));
  if (manifest.name !== "backstage-plugin-conduktor-card") throw new Error("scalprum name: " + manifest.name);
  if (!manifest.loadScripts?.length) throw new Error("no load scripts: " + JSON.stringify(manifest));
  console.log(`export: ${pkg.name}@${pkg.version}, scalprum ${manifest.name}, entry ${manifest.loadScripts.join(", ")}, registrationMethod ${manifest.registrationMethod}`);
  console.log(`peerDependencies: ${Object.keys(pkg.peerDependencies ?? {}).join(", ")}; dependencies: ${Object.keys(pkg.dependencies ?? {}).join(", ")}`);
' "$out" "$scalprum"
wasm=$(find "$scalprum" -name '*.wasm')
[ "$(echo "$wasm" | grep -c .)" = 1 ] || die "the Scalprum assets should hold exactly one .wasm, found: ${wasm:-none}"
cmp -s "$wasm" "$stage/dist/wasm/conduktor_card_core_bg.wasm" || die "the exported .wasm is not the package's core"
grep -rlqF "$(basename "$wasm")" "$scalprum" --include='*.js' || die "no Scalprum chunk names ${wasm#"$scalprum"/}"
grep -q 'conduktor' "$scalprum/configSchema.json" || die "the export's config schema lacks the conduktor keys"
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  const [entry] = JSON.parse(fs.readFileSync(dir + "/plugin-manifest.json", "utf8")).loadScripts;
  if (!/\bPluginRoot:\s*\(\)\s*=>/.test(fs.readFileSync(dir + "/" + entry, "utf8"))) throw new Error(entry + " exposes no PluginRoot module");
' "$scalprum"
# The PluginRoot module's export names, as webpack writes them (name: () => binding):
# the mount points' importName values and the tab's condition, and the legacy plugin
# whose API factories RHDH registers by itself.
for name in EntityConduktorCard EntityConduktorContent isConduktorAvailable conduktorPlugin; do
  grep -rqE "[{,]\s*\"?$name\"?\s*:\s*\(\)\s*=>" "$scalprum" --include='*.js' ||
    die "the PluginRoot module does not export $name"
done
ls -R "$out" >"$LOGS/rhdh-export-files.log"
echo "RHDH dynamic plugin: ${out#"$ROOT"/} (.wasm ${wasm#"$out"/}, $(stat -c %s "$wasm") B); files listed in ${LOGS#"$ROOT"/}/rhdh-export-files.log"
