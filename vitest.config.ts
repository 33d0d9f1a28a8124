import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['js/**/*.test.{ts,tsx}'],
    setupFiles: ['js/test/setup.ts'],
    restoreMocks: true,
    // jsdom cannot parse some of MUI's generated CSS; the noise hides real failures.
    onConsoleLog: log => !log.includes('Could not parse CSS stylesheet'),
  },
  esbuild: { jsx: 'automatic' },
});
