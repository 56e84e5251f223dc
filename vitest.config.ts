import { configDefaults, defineConfig } from 'vitest/config';

/**
 * End-to-end: the program driven from outside, as people and operators use it: through Chromium,
 * or as the processes that `npm start` and `npm run …` start, killed and restarted.
 */
const E2E = ['test/browser/**/*.test.ts', 'test/server/main.test.ts', 'test/server/import-crash.test.ts', 'test/scripts/**/*.test.ts'];

const timeouts = { testTimeout: 30_000, hookTimeout: 60_000, teardownTimeout: 30_000 };

export default defineConfig({
  test: {
    // Run once for both projects: one Postgres (with the migrated template) and one Meilisearch.
    globalSetup: ['test/global-setup.ts'],
    // Two cores: two test files at a time, each with its own database and index prefix.
    maxWorkers: 2,
    ...timeouts,
    projects: [
      // In-process: the app, services and workers on the run's real Postgres and Meilisearch.
      { test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...E2E], ...timeouts } },
      { test: { name: 'e2e', include: E2E, ...timeouts } },
    ],
  },
});
