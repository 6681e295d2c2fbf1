import pg from 'pg';

/**
 * What the role a subgraph runs as may do, when migrations run as another (the tables' owner): read
 * and write its tables, but only add to the append-only ones (no UPDATE or DELETE, which their
 * triggers refuse anyway), and never TRUNCATE, disable a trigger or alter a table, which only the
 * owner or a superuser can. So whoever takes over a subgraph cannot rewrite its log.
 */
export async function grantRuntimeRole(
  ownerConnectionString: string,
  runtimeConnectionString: string,
  appendOnlyTables: readonly string[],
): Promise<void> {
  const role = decodeURIComponent(new URL(runtimeConnectionString).username);
  const client = new pg.Client({ connectionString: ownerConnectionString });
  await client.connect();
  try {
    const quoted = client.escapeIdentifier(role);
    const { rows } = await client.query<{ name: string }>(
      // A partition is reached through its table, whose privileges apply; on its own it is reachable by nobody.
      `SELECT t.tablename AS name FROM pg_tables t JOIN pg_class c ON c.oid = format('%I', t.tablename)::regclass
       WHERE t.schemaname = 'public' AND t.tablename <> '_prisma_migrations' AND NOT c.relispartition`,
    );
    await client.query('BEGIN');
    await client.query(`GRANT USAGE ON SCHEMA public TO ${quoted}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${quoted}`);
    for (const { name } of rows) {
      const privileges = appendOnlyTables.includes(name) ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
      await client.query(`GRANT ${privileges} ON ${client.escapeIdentifier(name)} TO ${quoted}`);
    }
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${quoted}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
