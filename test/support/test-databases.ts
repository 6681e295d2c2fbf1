import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { SubgraphName } from '../../lib/config.ts';
import type { DatabaseLocation } from '../../lib/db/database.ts';

/** The PostgreSQL server the `postgres` test project uses; every test run creates its own databases there. */
const SERVER_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabases {
  location(name: SubgraphName): DatabaseLocation;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function serverUrl(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Fresh, uniquely named databases on the server (TEST_DATABASE=postgres), or in-memory embedded ones. */
export async function createTestDatabases(
  names: readonly SubgraphName[],
  kind: 'server' | 'embedded' = process.env.TEST_DATABASE === 'postgres' ? 'server' : 'embedded',
): Promise<TestDatabases> {
  if (kind === 'embedded') {
    return { location: () => ({ kind: 'embedded' }), drop: async () => {} };
  }
  const suffix = randomBytes(5).toString('hex');
  const databaseName = (name: SubgraphName) => `sipgraph_test_${name}_${suffix}`;
  for (const name of names) await adminQuery(`CREATE DATABASE "${databaseName(name)}"`);
  return {
    location: (name) => ({ kind: 'server', url: serverUrl(databaseName(name)) }),
    drop: async () => {
      for (const name of names) await adminQuery(`DROP DATABASE IF EXISTS "${databaseName(name)}" WITH (FORCE)`);
    },
  };
}
