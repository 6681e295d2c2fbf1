import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

const integration = ['test/integration/**/*.test.ts'];

export default defineConfig({
  resolve: {
    // One graphql for the project's code and its packages, as under Node: Vite would otherwise pick
    // graphql's ESM build for our files while the packages load the CommonJS one.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // Needs no database of its own: pure functions, composition, whole processes.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/process/**/*.test.ts'] } },
      // The integration suite twice: on embedded PGlite, and on the PostgreSQL server at 127.0.0.1:5432.
      { extends: true, test: { name: 'embedded', include: integration, env: { TEST_DATABASE: 'embedded' } } },
      { extends: true, test: { name: 'postgres', include: integration, env: { TEST_DATABASE: 'postgres' } } },
    ],
  },
});
