import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['js/**/*.test.{ts,tsx}'],
    setupFiles: ['js/test/setup.ts'],
    restoreMocks: true,
    // Rendering Backstage's tables in jsdom takes seconds on a busy 2-core machine;
    // the 5 s default turned slowness into failures.
    testTimeout: 30_000,
    // These packages import MUI v5 by directory ('@mui/material/Popover'), which
    // Node's ESM loader refuses; let Vite transform them instead.
    server: { deps: { inline: [/material-ui-popup-state/, /@backstage\/plugin-catalog-react/] } },
    // jsdom cannot parse some of MUI's generated CSS; the noise hides real failures.
    onConsoleLog: log => !log.includes('Could not parse CSS stylesheet'),
  },
  esbuild: { jsx: 'automatic' },
});
