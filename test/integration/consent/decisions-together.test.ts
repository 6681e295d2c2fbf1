import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_DECISION_BATCHES_PATH, CONSENT_DECISIONS_PATH } from '../../../lib/consent/consent-decision.ts';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { activeSip } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T10:00:00.000Z');
const READ = `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`;
const REQUESTS = 12;

/**
 * A subgraph asks the SIP core for the decisions of requests that reach it together in one call
 * (group commit): fewer calls, and each request still decided, logged and answered as its own.
 */
describe('consent decisions for requests that arrive together', () => {
  let graph: TestGraph;
  let child: TestChild;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    await activeSip(graph, child, { validFrom: '2026-11-01T00:00:00Z', validUntil: '2026-12-01T00:00:00Z' });
  });

  it('are asked in fewer calls than requests, and each request gets its own decision and log entry', async () => {
    const calls = () =>
      [CONSENT_DECISIONS_PATH, CONSENT_DECISION_BATCHES_PATH].map(
        (path) => graph.subgraphs.sip.requestCounts.get(path) ?? 0,
      );
    const [singleBefore, batchesBefore] = calls();
    const responses = await Promise.all(
      Array.from({ length: REQUESTS }, () => graph.query(READ, { id: child.id }, 'school counsellor')),
    );
    for (const response of responses) {
      expect(response.errors).toBeUndefined();
      expect(response.data?.child.careContacts).toEqual([{ unitName: 'BUP Test' }]);
    }
    const [single, batches] = calls();
    expect(batches - batchesBefore).toBeGreaterThan(0);
    expect(single - singleBefore + (batches - batchesBefore)).toBeLessThan(REQUESTS);

    const logged = await (graph.subgraphs.sip.prisma as any).auditGroup.findMany({
      where: { kind: 'CROSS_AGENCY', subgraph: 'health', childIds: { has: child.id } },
      select: { requestId: true, granted: true },
    });
    const requestIds = new Set(logged.map((row: { requestId: string }) => row.requestId));
    expect(requestIds.size).toBe(REQUESTS);
    expect(logged.every((row: { granted: boolean }) => row.granted)).toBe(true);
  });
});
