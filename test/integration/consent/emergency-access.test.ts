import { beforeAll, describe, expect, it } from 'vitest';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { ADD_PARTICIPANT, guardianClaims, INITIATE, ok, sipInput, STAFF } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);
const OPEN = `mutation ($childId: ID!, $scopes: [ConsentScope!]!, $reason: String!, $hours: Int) {
  openEmergencyAccess(childId: $childId, scopes: $scopes, reason: $reason, hours: $hours) { id until scopes } }`;
const READ = `query ($id: ID!) { child(id: $id) { openSocialCase { caseNumber } } }`;

/** Emergency access (nödåtkomst): reasoned, brief, logged, shown to the family and reviewed. */
describe('emergency access', () => {
  let graph: TestGraph;
  let child: TestChild;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const { initiateSip } = await ok(graph, INITIATE, { input: sipInput(child.id) });
    await ok(graph, ADD_PARTICIPANT, { sipId: initiateSip.id, input: STAFF.doctor });
    await ok(graph, ADD_PARTICIPANT, { sipId: initiateSip.id, input: STAFF.counsellor });
  });
  const reason = (response: { errors?: Array<{ extensions?: Record<string, any> }> }) =>
    response.errors?.[0].extensions?.reason;

  it('refuses staff outside the child’s SIPs, a missing reason and too long a time', async () => {
    const variables = { childId: child.id, scopes: ['SOCIAL_CASE'], reason: 'Akut suicidrisk' };
    const outsider = await graph.query(OPEN, variables, 'nurse outside every SIP');
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const family = await graph.query(OPEN, variables, guardianClaims(child.custodianIds[0]));
    expect(family.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await graph.query(OPEN, { ...variables, reason: ' ' }, 'BUP doctor');
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const tooLong = await graph.query(OPEN, { ...variables, hours: 5 }, 'BUP doctor');
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
  });

  it('opens a scope to its opener alone until it ends; each read is logged for the family and review', async () => {
    clock.set(NOW);
    expect(reason(await graph.query(READ, { id: child.id }, 'BUP doctor'))).toBe('NO_CONSENT');
    const { openEmergencyAccess } = await ok(
      graph,
      OPEN,
      {
        childId: child.id,
        scopes: ['SOCIAL_CASE'],
        reason: 'Akut suicidrisk, behöver veta pågående insatser',
        hours: 2,
      },
      'BUP doctor',
    );
    expect(openEmergencyAccess).toMatchObject({ until: '2026-11-23T12:00:00.000Z', scopes: ['SOCIAL_CASE'] });

    const read = await graph.query(READ, { id: child.id }, 'BUP doctor');
    expect(read.errors).toBeUndefined();
    expect(read.data?.child.openSocialCase).not.toBeNull();
    // Only its opener: the counsellor in the same SIP is still refused.
    expect(reason(await graph.query(READ, { id: child.id }, 'school counsellor'))).toBe('NO_CONSENT');

    const log = await ok(
      graph,
      `query ($id: ID!) { childAccessLog(childId: $id) { requesterName scope granted consentId emergencyAccessId } }`,
      { id: child.id },
      guardianClaims(child.custodianIds[0]),
    );
    expect(log.childAccessLog).toContainEqual({
      requesterName: 'Jonas Lind',
      scope: 'SOCIAL_CASE',
      granted: true,
      consentId: null,
      emergencyAccessId: openEmergencyAccess.id,
    });
    const queue = await ok(
      graph,
      `{ reviewQueue(kinds: [EMERGENCY_ACCESS]) { key childId detail } }`,
      {},
      'privacy officer',
    );
    expect(queue.reviewQueue).toContainEqual({
      key: openEmergencyAccess.id,
      childId: child.id,
      detail: expect.stringMatching(/^SOCIAL_CASE until 2026-11-23 13:00: Akut suicidrisk.*\(reads under it: 1\)$/),
    });

    clock.set('2026-11-23T12:00:00.000Z');
    expect(reason(await graph.query(READ, { id: child.id }, 'BUP doctor'))).toBe('NO_CONSENT');
    // Kept as it was opened: the database refuses to change or remove it.
    const stored = graph.subgraphs.sip.prisma as any;
    await expect(stored.emergencyAccess.updateMany({ data: { reason: 'ändrad' } })).rejects.toThrow(/append-only/);
    await expect(stored.emergencyAccess.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
