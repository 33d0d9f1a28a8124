// Backstage's own lint rules. The shim's tests run on vitest, whose API is Jest's, so the
// Jest rules are kept and told a Jest version rather than looking for a jest package.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  settings: { jest: { version: 29 } },
  // wasm-bindgen's generated glue.
  ignorePatterns: ['js/wasm/**'],
});
