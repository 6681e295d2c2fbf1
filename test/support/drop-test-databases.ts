import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { adminQuery, databasePrefix } from './test-databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string;
  }
}

/**
 * Global setup of the `postgres` project: names the run, and drops every database the run
 * created on the server once all its files are done, whichever worker created it.
 */
export default function setup(project: TestProject) {
  const testRunId = randomBytes(4).toString('hex');
  project.provide('testRunId', testRunId);
  return async () => {
    const { rows } = await adminQuery(
      `SELECT datname FROM pg_database WHERE starts_with(datname, '${databasePrefix(testRunId)}')`,
    );
    for (const { datname } of rows) await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  };
}
