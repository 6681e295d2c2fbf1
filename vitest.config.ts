import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

const integration = ['test/integration/**/*.test.ts'];
// Files of the integration projects share their worker's graph (test/support/test-graph.ts), which
// needs the worker's modules to outlive one file.
const sharedGraphPerWorker = { isolate: false };

export default defineConfig({
  resolve: {
    // One graph for the project's code and its packages, as under Node: Vite would otherwise pick
    // graphql's ESM build for our files while the packages load the CommonJS one.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    // Generous, because a real wait on a slow, busy machine is not a failure; no test measures speed.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Both cores: PGlite and the graph's servers are CPU-bound, and most of a test's time is theirs.
    maxWorkers: 2,
    setupFiles: ['test/support/fail-on-deprecation.ts'],
    projects: [
      // The policy's rules, each proved beside its file: pure, no database, seconds (npm run test:policy).
      { extends: true, test: { name: 'policy', include: ['policy/**/*.test.ts'] } },
      // Needs no database of its own: pure functions, composition.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // The integration suite twice: on embedded PGlite, and on the PostgreSQL server at 127.0.0.1:5432.
      {
        extends: true,
        test: { name: 'embedded', include: integration, env: { TEST_DATABASE: 'embedded' }, ...sharedGraphPerWorker },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { TEST_DATABASE: 'postgres' },
          globalSetup: ['test/support/drop-test-databases.ts'],
          ...sharedGraphPerWorker,
        },
      },
      // Whole processes, as a user starts them, one of them on a machine whose cores are kept busy:
      // after the rest, so that they neither slow the rest down nor are slowed down by it.
      { extends: true, test: { name: 'process', include: ['test/process/**/*.test.ts'], sequence: { groupOrder: 1 } } },
      // Pages in Debian's Chromium, driven by Playwright, against a graph of their own.
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
