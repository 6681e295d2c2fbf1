import { beforeEach, describe, expect, it } from 'vitest';
import { childWithRecords, settableClock, withdrawConsent, type TestChild } from '../../support/consent-fixtures.ts';
import { activeSip, guardianClaims, ok, type ActiveSip } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);
const READ = `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`;
const REMOVE = `mutation ($id: ID!) { removeParticipant(participantId: $id, reason: "Slutat") { id } }`;

/**
 * The SIP core keeps the consent rule's facts in memory between lookups. Each change below takes
 * effect on the very next read after it, though the read before it had just filled the cache.
 */
describe('the consent decisions the SIP core keeps in memory', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  beforeEach(async () => {
    clock.set(NOW);
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    sip = await activeSip(graph, child, { validFrom: '2026-11-01T00:00:00Z', validUntil: '2026-12-01T00:00:00Z' });
  });
  /** What the school counsellor gets: the care contacts, or the refusal's reason. */
  const read = async () => {
    const response = await graph.query(READ, { id: child.id }, 'school counsellor');
    return response.errors?.[0]?.extensions?.reason ?? response.data?.child?.careContacts;
  };
  const warm = async () => expect(await read()).toEqual([{ unitName: 'BUP Test' }]);

  it("stores a call's signature id and its decisions in one statement, which reads the consent epoch too", async () => {
    await warm();
    const statements: Array<{ query: string; params: string }> = [];
    const sipPrisma = graph.subgraphs.sip.prisma as any;
    let counting = true;
    sipPrisma.$on('query', (event: { query: string; params: string }) => counting && statements.push(event));
    await warm();
    counting = false;
    // Nothing changed since the read before: the decisions made on the facts in memory hold.
    const storingCalls = statements.filter(({ params }) => params.includes('jti'));
    expect(storingCalls).toHaveLength(1);
    expect(storingCalls[0].params).toContain('Child.careContacts');
    // No read of the epoch apart: statements that store a signed call read it in passing.
    const epochReads = statements.filter(({ query }) => query.includes('_consent_epoch'));
    for (const { query } of epochReads) expect(query).toContain('INSERT INTO "SubgraphCall"');
  });

  it('takes a withdrawal into account on the next read', async () => {
    await warm();
    expect((await withdrawConsent(graph, sip.consentId, guardianClaims(child.custodianIds[0]))).errors).toBeUndefined();
    // The withdrawal closed the SIP too, so the counsellor no longer has a relation to the child.
    expect(await read()).toBe('NO_RELATION');
  });

  it('takes a block into account on the next read', async () => {
    await warm();
    await ok(
      graph,
      `mutation ($input: PlaceBlockInput!) { placeBlock(input: $input) { id } }`,
      { input: { childId: child.id, scopes: ['HEALTH_CARE_CONTACTS'], reason: 'Inte till skolan' } },
      guardianClaims(child.custodianIds[0]),
    );
    expect(await read()).toBe('BLOCKED');
  });

  it('takes a removed participant into account on the next read', async () => {
    await warm();
    await ok(graph, REMOVE, { id: sip.ids.counsellor }, 'social worker');
    expect(await read()).toBe('NO_RELATION');
  });

  it('takes the end of a consent into account at that instant', async () => {
    await warm();
    clock.set('2026-11-30T23:59:59.999Z');
    expect(await read()).toEqual([{ unitName: 'BUP Test' }]);
    clock.set('2026-12-01T00:00:00.000Z');
    expect(await read()).toBe('EXPIRED');
  });

  it('takes a change written by another SIP core (into the database) into account on the next read', async () => {
    await warm();
    await (graph.subgraphs.sip.prisma as any).consentWithdrawal.create({
      data: { consentId: sip.consentId, withdrawnAt: new Date(NOW), withdrawnBy: 'replica', reason: 'annan nod' },
    });
    expect(await read()).toBe('WITHDRAWN');
  });
});
