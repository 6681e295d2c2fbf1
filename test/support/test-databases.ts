import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { SubgraphName } from '../../lib/config/config.ts';
import type { DatabaseLocation } from '../../lib/db/database.ts';

/** The PostgreSQL server the `postgres` test project uses; every test run creates its own databases there. */
export const SERVER_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every database a test run creates is named with this prefix, so the run's teardown drops them all. */
export const databasePrefix = (testRunId: string) => `sipgraph_test_${testRunId}_`;

export interface TestDatabases {
  location(name: SubgraphName): DatabaseLocation;
  drop(): Promise<void>;
}

export async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function serverUrl(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Fresh, uniquely named databases on the server (TEST_DATABASE=postgres), or in-memory embedded
 * ones. Server databases carry the test run's id (from the `postgres` project's global setup, or
 * `runId` outside vitest), so the run's teardown drops whatever a worker left.
 */
export async function createTestDatabases(
  names: readonly SubgraphName[],
  {
    kind = process.env.TEST_DATABASE === 'postgres' ? 'server' : 'embedded',
    runId,
  }: { kind?: 'server' | 'embedded'; runId?: string } = {},
): Promise<TestDatabases> {
  if (kind === 'embedded') {
    return { location: () => ({ kind: 'embedded' }), drop: async () => {} };
  }
  const prefix = `${databasePrefix(runId ?? inject('testRunId'))}${randomBytes(4).toString('hex')}_`;
  for (const name of names) await adminQuery(`CREATE DATABASE "${prefix}${name}"`);
  return {
    location: (name) => ({ kind: 'server', url: serverUrl(`${prefix}${name}`) }),
    drop: async () => {
      for (const name of names) await adminQuery(`DROP DATABASE IF EXISTS "${prefix}${name}" WITH (FORCE)`);
    },
  };
}
