import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

interface RawPrisma {
  $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** The log partitioned by month: every entry lands somewhere, and every month reads as one log. */
describe('the log’s monthly partitions', () => {
  let graph: TestGraph;
  let sip: RawPrisma;
  beforeAll(async () => {
    graph = await startTestGraph();
    sip = graph.subgraphs.sip.prisma as unknown as RawPrisma;
  });
  const logAt = (at: string) =>
    sip.$executeRawUnsafe(
      `INSERT INTO "AuditGroup" ("id", "requestId", "requesterSubject", "requesterRole", "kind", "fields", "subgraph",
        "granted", "decidedAt", "childIds", "consentIds", "emergencyAccessIds")
       VALUES (gen_random_uuid(), 'partition-test', 'staff-test', 'nurse', 'CROSS_AGENCY', '{}', 'health', false,
        $1::timestamptz, ARRAY[$2::uuid], '{NULL}', '{NULL}')`,
      at,
      demoChildren.alva.id,
    );
  const partitionOf = async (at: string) =>
    (
      await sip.$queryRawUnsafe<Array<{ partition: string }>>(
        `SELECT tableoid::regclass::text AS partition FROM "AuditGroup" WHERE "decidedAt" = $1::timestamptz`,
        at,
      )
    ).map(({ partition }) => partition);
  const createMonths = (first: string, last: string) =>
    sip.$queryRawUnsafe<Array<{ created: number }>>(
      `SELECT "create_audit_group_partitions"($1::timestamptz, $2::timestamptz) AS created`,
      first,
      last,
    );

  it('takes an entry of a month without its partition into the default one, and leaves that month there', async () => {
    await logAt('2031-05-10T08:00:00Z');
    expect(await partitionOf('2031-05-10T08:00:00Z')).toEqual(['"AuditGroup_default"']);
    // Three months asked for: the month whose entry is in the default partition is not created.
    expect(await createMonths('2031-04-15T00:00:00Z', '2031-06-01T00:00:00Z')).toEqual([{ created: 2 }]);
    expect(await createMonths('2031-04-15T00:00:00Z', '2031-06-01T00:00:00Z')).toEqual([{ created: 0 }]);
    await logAt('2031-06-02T08:00:00Z');
    expect(await partitionOf('2031-06-02T08:00:00Z')).toEqual(['"AuditGroup_2031_06"']);
    expect(await partitionOf('2031-05-10T08:00:00Z')).toEqual(['"AuditGroup_default"']);
  });

  it('reads a child’s log the newest month first, and further back only when the page is not full', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
    const ebbe = demoChildren.ebbe.id;
    const logOf = (at: string) =>
      sip.$executeRawUnsafe(
        `INSERT INTO "AuditGroup" ("id", "requestId", "requesterSubject", "requesterRole", "kind", "fields",
          "subgraph", "granted", "decidedAt", "childIds", "consentIds", "emergencyAccessIds")
         VALUES (gen_random_uuid(), 'window-test', 'staff-window', 'nurse', 'CROSS_AGENCY', '{}', 'health', false,
          $1::timestamptz, ARRAY[$2::uuid, $3::uuid], '{NULL,NULL}', '{NULL,NULL}')`,
        at,
        demoChildren.alva.id,
        ebbe,
      );
    const times = [daysAgo(3), daysAgo(100), daysAgo(400), daysAgo(800)];
    for (const at of times) await logOf(at);
    const page = async (first: number, before?: string) =>
      (
        await graph.query(
          `query ($child: ID!, $first: Int!, $before: ID) { consentAuditLog(childId: $child, first: $first,
            before: $before, requesterSubject: "staff-window") { id decidedAt } }`,
          { child: ebbe, first, before },
          'privacy officer',
        )
      ).data?.consentAuditLog as Array<{ id: string; decidedAt: string }>;
    expect((await page(1)).map(({ decidedAt }) => decidedAt)).toEqual([times[0]]);
    expect((await page(3)).map(({ decidedAt }) => decidedAt)).toEqual(times.slice(0, 3));
    const all = await page(10);
    expect(all.map(({ decidedAt }) => decidedAt)).toEqual(times);
    expect(all.every(({ id }) => id.endsWith(':2'))).toBe(true);
    expect((await page(10, all[1].id)).map(({ decidedAt }) => decidedAt)).toEqual(times.slice(2));
  });

  it('reads as one log across its months, newest first, and verifies as one chain', async () => {
    const { data } = await graph.query(
      `query ($child: ID!) { consentAuditLog(childId: $child, requesterSubject: "staff-test") { decidedAt } }`,
      { child: demoChildren.alva.id },
      'privacy officer',
    );
    expect(data?.consentAuditLog).toEqual([
      { decidedAt: '2031-06-02T08:00:00.000Z' },
      { decidedAt: '2031-05-10T08:00:00.000Z' },
    ]);
    const report = await graph.query(`{ auditChainReport { intact } }`, {}, 'privacy officer');
    expect(report.data?.auditChainReport).toEqual({ intact: true });
  });
});
