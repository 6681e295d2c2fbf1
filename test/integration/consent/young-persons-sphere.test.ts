import { beforeAll, describe, expect, it } from 'vitest';
import { childWithRecords, giveConsent, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { activeSip, childClaims, guardianClaims, ok } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const KEEP = `mutation ($id: ID!, $parts: [SpherePart!]!) { keepFromGuardians(childId: $id, parts: $parts) {
  keptFromGuardians maturityAssessedAt } }`;
const SPHERE = `query ($id: ID!) { youngPersonsSphere(childId: $id) { keptFromGuardians } }`;
const CONSENTS = `query ($id: ID!) { consents(childId: $id) { id givenByChild } }`;
const LOG = `query ($id: ID!) { childAccessLog(childId: $id) { id } }`;
const MATURITY = `mutation ($id: ID!, $sipId: ID!, $reason: String!) { recordMaturity(childId: $id, sipId: $sipId,
  reason: $reason) { id assessedBy reason } }`;
const clock = settableClock('2026-12-01T10:00:00.000Z');
const window = { validFrom: '2026-11-01T00:00:00.000Z', validUntil: '2027-06-01T00:00:00.000Z' };

/** What a review against the law found: guardians saw a teenager's every consent and their access log (OSL 12:3). */
describe('the young person’s own sphere', () => {
  let graph: TestGraph;
  let sixteen: TestChild;
  let thirteen: TestChild;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    sixteen = await childWithRecords(graph, { born: '20100101', custodians: 1 });
    thirteen = await childWithRecords(graph, { born: '20130601', custodians: 1 });
  });

  it('lets a 16-year-old keep their own consents and their access log from their guardian', async () => {
    const own = await giveConsent(graph, {
      childId: sixteen.id,
      givenByChild: true,
      scopes: ['HEALTH_CARE_CONTACTS'],
      agencies: ['SCHOOL'],
      ...window,
    });
    const guardians = await giveConsent(graph, {
      childId: sixteen.id,
      guardianIds: sixteen.custodianIds,
      scopes: ['SCHOOL_ENROLMENT'],
      agencies: ['HEALTH_CARE'],
      ...window,
    });
    const mother = guardianClaims(sixteen.custodianIds[0]!);
    expect((await ok(graph, CONSENTS, { id: sixteen.id }, mother)).consents.map((c: { id: string }) => c.id)).toContain(
      own,
    );

    const { keepFromGuardians } = await ok(
      graph,
      KEEP,
      { id: sixteen.id, parts: ['OWN_CONSENTS', 'ACCESS_LOG'] },
      childClaims(sixteen.id),
    );
    expect(keepFromGuardians.keptFromGuardians).toEqual(['OWN_CONSENTS', 'ACCESS_LOG']);

    expect((await ok(graph, CONSENTS, { id: sixteen.id }, mother)).consents).toEqual([
      { id: guardians, givenByChild: false },
    ]);
    const log = await graph.query(LOG, { id: sixteen.id }, mother);
    expect(log.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'the young person keeps their access log to themselves',
    });
    expect((await graph.query(SPHERE, { id: sixteen.id }, mother)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The young person still sees everything; the guardian chooses nothing for them.
    expect((await ok(graph, CONSENTS, { id: sixteen.id }, childClaims(sixteen.id))).consents).toHaveLength(2);
    expect((await ok(graph, LOG, { id: sixteen.id }, childClaims(sixteen.id))).childAccessLog).toBeDefined();
    expect((await graph.query(KEEP, { id: sixteen.id, parts: [] }, mother)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );

    // Keeping nothing again shows the guardian the consents again.
    await ok(graph, KEEP, { id: sixteen.id, parts: [] }, childClaims(sixteen.id));
    expect((await ok(graph, CONSENTS, { id: sixteen.id }, mother)).consents).toHaveLength(2);
  });

  it('lets a younger child choose only once staff in their SIP recorded them mature enough, reviewed', async () => {
    const refused = await graph.query(KEEP, { id: thirteen.id, parts: ['ACCESS_LOG'] }, childClaims(thirteen.id));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.errors?.[0].extensions?.reason).toMatch(/recordMaturity/);

    const sip = await activeSip(graph, thirteen, window);
    const reason = 'Har själv sökt BUP och förstår vad sekretessen innebär';
    const outsider = await graph.query(
      MATURITY,
      { id: thirteen.id, sipId: sip.sipId, reason },
      'nurse outside every SIP',
    );
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const family = await graph.query(
      MATURITY,
      { id: thirteen.id, sipId: sip.sipId, reason },
      guardianClaims(thirteen.custodianIds[0]!),
    );
    expect(family.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { recordMaturity } = await ok(graph, MATURITY, { id: thirteen.id, sipId: sip.sipId, reason }, 'BUP doctor');
    expect(recordMaturity).toMatchObject({ assessedBy: 'staff-bup-norra-1', reason });

    const { keepFromGuardians } = await ok(
      graph,
      KEEP,
      { id: thirteen.id, parts: ['ACCESS_LOG'] },
      childClaims(thirteen.id),
    );
    expect(keepFromGuardians.maturityAssessedAt).toBe('2026-12-01T10:00:00.000Z');
    const queue = await ok(
      graph,
      `{ reviewQueue(kinds: [MATURITY_ASSESSMENT]) { key childId detail } }`,
      {},
      'privacy officer',
    );
    expect(queue.reviewQueue).toContainEqual({
      key: recordMaturity.id,
      childId: thirteen.id,
      detail: `judged mature enough in SIP ${sip.sipId}: ${reason}`,
    });
  });
});
