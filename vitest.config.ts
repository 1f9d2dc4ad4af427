import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the pure core (seconds, no bundle, no server); `e2e` runs the bundled
// action, the CLI and the fake GitHub over HTTP. `npm test` runs both.
const UNIT = ['test/core/**/*.test.ts', 'test/gate/**/*.test.ts', 'test/architecture/**/*.test.ts', 'test/templates/template-comments.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'e2e', include: ['test/**/*.test.ts'], exclude: UNIT, globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
