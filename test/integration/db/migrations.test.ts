import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../../../lib/config.ts';
import { openDatabase, type OpenDatabase } from '../../../lib/db/database.ts';
import { applyMigrations, MigrationChecksumError, readMigrations } from '../../../lib/db/migrate.ts';
import { diffDatamodels } from '../../../lib/db/schema-engine.ts';
import { createTestDatabases, type TestDatabases } from '../../support/test-databases.ts';

const prismaDir = join(import.meta.dirname, '..', '..', '..', 'prisma');

/** Tables, columns, indexes and constraints, as PostgreSQL itself describes them. */
async function describeSchema(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS d
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const indexes = await client.query(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const constraints = await client.query(
      // NOT NULL shows as a constraint from PostgreSQL 17 (PGlite) on; the columns' is_nullable already covers it.
      `SELECT t.relname || ' ' || pg_get_constraintdef(c.oid) AS d FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE c.connamespace = 'public'::regnamespace AND c.contype <> 'n' AND t.relname <> '_prisma_migrations'`,
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows].map((row) => row.d).sort();
  } finally {
    await client.end();
  }
}

describe.each(SUBGRAPH_NAMES)('migrations of the %s subgraph', (name) => {
  const migrationsDir = join(prismaDir, name, 'migrations');
  let migratedDatabases: TestDatabases;
  let referenceDatabases: TestDatabases;
  const open: OpenDatabase[] = [];
  const openFresh = async (databases: TestDatabases) => {
    const db = await openDatabase(name, databases.location(name));
    open.push(db);
    return db.connectionString;
  };
  beforeAll(async () => {
    migratedDatabases = await createTestDatabases([name]);
    referenceDatabases = await createTestDatabases([name]);
  });
  afterAll(async () => {
    for (const db of open) await db.close();
    await migratedDatabases.drop();
    await referenceDatabases.drop();
  });

  it('build exactly the database that schema.prisma describes', async () => {
    const migrated = await openFresh(migratedDatabases);
    await applyMigrations(migrated, readMigrations(migrationsDir));
    // The reference: the whole schema.prisma applied at once to an empty database of the same kind.
    const reference = await openFresh(referenceDatabases);
    const client = new pg.Client({ connectionString: reference });
    await client.connect();
    await client.query(await diffDatamodels(undefined, readFileSync(join(prismaDir, name, 'schema.prisma'), 'utf8')));
    await client.end();
    expect(await describeSchema(migrated), 'schema.prisma changed without a migration: npm run migration:new').toEqual(await describeSchema(reference));
  });

  it('apply once, and refuse a migration edited after it was applied', async () => {
    const migrations = readMigrations(migrationsDir);
    const db = await openFresh(migratedDatabases);
    await applyMigrations(db, migrations);
    expect(await applyMigrations(db, migrations)).toEqual([]);
    const edited = migrations.map((migration, i) => (i === 0 ? { ...migration, sql: `${migration.sql}\n-- edited`, checksum: 'edited' } : migration));
    await expect(applyMigrations(db, edited)).rejects.toBeInstanceOf(MigrationChecksumError);
  });
});
