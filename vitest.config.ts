import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, fast, parallel) and `integration` (real
// Elasticsearch, the fixture news site, Chromium; few workers on 2 cores).
export default defineConfig({
  test: {
    env: { DOTENV_CONFIG_QUIET: 'true' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.int.test.ts', 'node_modules/**'],
          env: { DOTENV_CONFIG_QUIET: 'true' },
          // A hang guard, not a timing assertion: tests that start the CLI load the
          // language model (~1.3 s) and share 2 cores with everything else.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/setup/integration-global-setup.ts'],
          env: { DOTENV_CONFIG_QUIET: 'true' },
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
