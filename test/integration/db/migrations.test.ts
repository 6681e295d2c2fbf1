import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS_WITH_DATABASE } from '../../../subgraphs/index.ts';
import { openDatabase, type OpenDatabase } from '../../../lib/db/database.ts';
import { applyMigrations, MigrationChecksumError, readMigrations } from '../../../lib/db/migrate.ts';
import { diffDatamodels } from '../../../tools/schema-engine.ts';
import { createTestDatabases, type TestDatabases } from '../../support/test-databases.ts';

const prismaDir = join(import.meta.dirname, '..', '..', '..', 'prisma');

/**
 * Tables, columns, indexes and constraints, as PostgreSQL itself describes them. A partitioned table
 * (which Prisma cannot describe) counts as its table: its partitions are left out, and its indexes
 * read as the table's.
 */
async function describeSchema(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const notPartition = (table: string) =>
    `${table} <> '_prisma_migrations'
     AND NOT (SELECT relispartition FROM pg_class WHERE oid = format('%I', ${table})::regclass)`;
  try {
    const columns = await client.query(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
        coalesce(column_default, '') AS d
       FROM information_schema.columns WHERE table_schema = 'public' AND ${notPartition('table_name')}`,
    );
    const indexes = await client.query(
      `SELECT replace(indexdef, ' ON ONLY ', ' ON ') AS d FROM pg_indexes
       WHERE schemaname = 'public' AND ${notPartition('tablename')}`,
    );
    const constraints = await client.query(
      // NOT NULL shows as a constraint from PostgreSQL 17 (PGlite) on; the columns' is_nullable already covers it.
      `SELECT t.relname || ' ' || pg_get_constraintdef(c.oid) AS d FROM pg_constraint c JOIN pg_class t ON t.oid =
        c.conrelid
       WHERE c.connamespace = 'public'::regnamespace AND c.contype <> 'n' AND t.relname <> '_prisma_migrations'
         AND NOT t.relispartition`,
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows].map((row) => row.d).sort();
  } finally {
    await client.end();
  }
}

/**
 * One database for the whole file: each check starts from an empty `public` schema, which is all
 * a migration or schema.prisma touches (the migration history included).
 */
let databases: TestDatabases;
let database: OpenDatabase;
let admin: pg.Client;
beforeAll(async () => {
  databases = await createTestDatabases(['sip']);
  database = await openDatabase('migrations', databases.location('sip'));
  admin = new pg.Client({ connectionString: database.connectionString });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await database?.close();
  await databases?.drop();
});
const emptyDatabase = () => admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');

describe.each(SUBGRAPHS_WITH_DATABASE)('migrations of the %s subgraph', (name) => {
  const migrationsDir = join(prismaDir, name, 'migrations');

  it('build exactly the database that schema.prisma describes', async () => {
    await emptyDatabase();
    await applyMigrations(database.connectionString, readMigrations(migrationsDir));
    const migrated = await describeSchema(database.connectionString);
    // The reference: the whole schema.prisma applied at once to an empty database of the same kind.
    await emptyDatabase();
    await admin.query(
      await diffDatamodels(
        undefined,
        readFileSync(join(prismaDir, name, 'schema.prisma'), 'utf8'),
        database.connectionString,
      ),
    );
    expect(migrated, 'schema.prisma changed without a migration: npm run migration:new').toEqual(
      await describeSchema(database.connectionString),
    );
  });

  it('apply once, and refuse a migration edited after it was applied', async () => {
    const migrations = readMigrations(migrationsDir);
    await emptyDatabase();
    await applyMigrations(database.connectionString, migrations);
    expect(await applyMigrations(database.connectionString, migrations)).toEqual([]);
    const edited = migrations.map((migration, i) =>
      i === 0 ? { ...migration, sql: `${migration.sql}\n-- edited`, checksum: 'edited' } : migration,
    );
    await expect(applyMigrations(database.connectionString, edited)).rejects.toBeInstanceOf(MigrationChecksumError);
  });
});
