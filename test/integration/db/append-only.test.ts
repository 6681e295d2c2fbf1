import { beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES } from '../../../policy/append-only.ts';
import { SUBGRAPHS_WITH_DATABASE } from '../../../subgraphs/index.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

interface RawPrisma {
  $queryRawUnsafe<T>(query: string): Promise<T>;
  $executeRawUnsafe(query: string): Promise<number>;
}

describe('the append-only guarantees of the policy', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it.each(SUBGRAPHS_WITH_DATABASE)('are exactly the tables whose changes the %s database refuses', async (name) => {
    const prisma = graph.subgraphs[name].prisma as unknown as RawPrisma;
    const guarded = await prisma.$queryRawUnsafe<Array<{ table: string }>>(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE p.proname = 'reject_change_to_append_only_table' AND t.tgenabled <> 'D' AND NOT c.relispartition`,
    );
    expect(guarded.map(({ table }) => table).sort()).toEqual([...(APPEND_ONLY_TABLES[name] ?? [])].sort());
  });

  it('hold for each month of the partitioned log on its own, TRUNCATE included', async () => {
    const prisma = graph.subgraphs.sip.prisma as unknown as RawPrisma;
    const partitions = await prisma.$queryRawUnsafe<Array<{ partition: string; refusals: string[] }>>(
      `SELECT c.relname::text AS partition, array_agg(t.tgname::text ORDER BY t.tgname) AS refusals
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_trigger t ON t.tgrelid = c.oid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE i.inhparent = '"AuditGroup"'::regclass AND p.proname = 'reject_change_to_append_only_table'
       GROUP BY c.relname`,
    );
    // The default partition, and the months around now that the SIP core created at start.
    expect(partitions.length).toBeGreaterThanOrEqual(4);
    for (const { partition, refusals } of partitions) {
      expect(refusals.sort()).toEqual([`${partition}_no_truncate`, 'AuditGroup_append_only'].sort());
      await expect(prisma.$executeRawUnsafe(`TRUNCATE "${partition}"`)).rejects.toThrow(
        /append-only: TRUNCATE is not allowed/,
      );
    }
  });

  // The demo data has no audit records, feedback, reviews, emergency accesses, release confirmations or young
  // people's spheres; their refusals are tested where they are written.
  const notInDemo = [
    'SipFeedback',
    'AuditReview',
    'EmergencyAccess',
    'InterventionFollowUp',
    'PersonnummerLookup',
    'ChildIdentityRead',
    'SphereChoice',
    'MaturityAssessment',
    'ReviewFinding',
  ];
  const audit = ['ConsentDecisionAudit', 'AuditGroup', 'ConsentRelease', 'ReleaseGroup'];
  it.each(APPEND_ONLY_TABLES.sip!.filter((table) => ![...notInDemo, ...audit].includes(table)))(
    'refuses to change or remove a row of %s in the demo data',
    async (table) => {
      const prisma = graph.subgraphs.sip.prisma as unknown as RawPrisma;
      const [{ row, column }] = await prisma.$queryRawUnsafe<Array<{ row: string; column: string }>>(
        `SELECT ctid::text AS row, (SELECT column_name FROM information_schema.columns
           WHERE table_name = '${table}' ORDER BY ordinal_position LIMIT 1) AS column FROM "${table}" LIMIT 1`,
      );
      const oneRow = `ctid = '${row}'::tid`;
      await expect(
        prisma.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = "${column}" WHERE ${oneRow}`),
      ).rejects.toThrow(/append-only: UPDATE is not allowed/);
      await expect(prisma.$executeRawUnsafe(`DELETE FROM "${table}" WHERE ${oneRow}`)).rejects.toThrow(
        /append-only: DELETE is not allowed/,
      );
      // TRUNCATE fires no row triggers: it is refused on its own.
      await expect(prisma.$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(
        /append-only: TRUNCATE is not allowed/,
      );
    },
  );
});
