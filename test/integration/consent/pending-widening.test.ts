import { beforeAll, describe, expect, it } from 'vitest';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { activeSip, guardianClaims, ok, type ActiveSip } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const READ = `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`;
const CONSENTS = `query ($id: ID!) { consents(childId: $id) { id status replacesId awaitingGuardians { id } } }`;
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id status } }`;
const clock = settableClock('2026-12-01T10:00:00.000Z');

/** What a review found: one parent widening a consent both gave took every category from every reader. */
describe('a widening one custodian gives', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20140301', custodians: 2 });
    sip = await activeSip(graph, child, {
      validFrom: '2026-11-01T00:00:00.000Z',
      validUntil: '2027-06-01T00:00:00.000Z',
    });
  });
  const [mother, father] = [0, 1].map((i) => () => guardianClaims(child.custodianIds[i]!));
  const widen = (replacesConsentId: string) => ({
    input: {
      childId: child.id,
      replacesConsentId,
      scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS', 'HEALTH_DIAGNOSES'],
      purpose: 'SIP',
      validFrom: '2026-11-01T00:00:00.000Z',
      validUntil: '2027-06-01T00:00:00.000Z',
      recipients: { sipParticipants: true },
    },
  });

  let pendingId: string;

  it('waits for the other custodian, while the version in force keeps counting for every reader', async () => {
    clock.set('2026-12-01T11:00:00.000Z');
    const { giveConsent: pending } = await ok(graph, GIVE, widen(sip.consentId), mother());
    pendingId = pending.id;
    expect(pending.status).toBe('PENDING');
    const read = await graph.query(READ, { id: child.id }, 'school counsellor');
    expect(read.errors).toBeUndefined();
    expect(read.data?.child.careContacts).toEqual([{ unitName: 'BUP Test' }]);
    const { consents } = await ok(graph, CONSENTS, { id: child.id }, father());
    expect(consents).toEqual([
      {
        id: pending.id,
        status: 'PENDING',
        replacesId: sip.consentId,
        awaitingGuardians: [{ id: child.custodianIds[1] }],
      },
      { id: sip.consentId, status: 'ACTIVE', replacesId: null, awaitingGuardians: [] },
    ]);
  });

  it('takes the place of the one in force once the other custodian joins', async () => {
    clock.set('2026-12-01T12:00:00.000Z');
    const { giveConsent: joined } = await ok(graph, GIVE, widen(pendingId), father());
    expect(joined.status).toBe('ACTIVE');
    const { consents } = await ok(graph, CONSENTS, { id: child.id }, mother());
    expect(consents.map((consent: { status: string }) => consent.status)).toEqual(['ACTIVE', 'REPLACED', 'REPLACED']);
    expect((await graph.query(READ, { id: child.id }, 'school counsellor')).errors).toBeUndefined();
  });
});
