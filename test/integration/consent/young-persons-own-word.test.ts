import { beforeAll, describe, expect, it } from 'vitest';
import {
  childWithRecords,
  giveConsent,
  settableClock,
  withdrawConsent,
  type TestChild,
} from '../../support/consent-fixtures.ts';
import { childClaims, guardianClaims, ok } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id status } }`;
const clock = settableClock('2026-12-01T10:00:00.000Z');

/** What a review against the law found: a guardian could withdraw the consent a 16-year-old gave, closing their SIP. */
describe('a consent the young person gave in their own name', () => {
  let graph: TestGraph;
  let child: TestChild;
  let consentId: string;
  const terms = () => ({
    childId: child.id,
    scopes: ['HEALTH_CARE_CONTACTS'],
    agencies: ['SCHOOL'],
    validFrom: '2026-11-01T00:00:00.000Z',
    validUntil: '2027-06-01T00:00:00.000Z',
  });
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20100101', custodians: 1 });
    consentId = await giveConsent(graph, { ...terms(), givenByChild: true });
  });

  it('is not the guardian’s to withdraw', async () => {
    const refused = await withdrawConsent(graph, consentId, guardianClaims(child.custodianIds[0]!));
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'the young person gave this consent in their own name: only they may withdraw or change it',
    });
    const read = await graph.query(
      `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`,
      { id: child.id },
      'school counsellor',
    );
    expect(read.errors).toBeUndefined();
  });

  it('is not the guardian’s to limit, and stays the young person’s to change', async () => {
    const { agencies: _, ...rest } = terms();
    const input = {
      ...rest,
      purpose: 'SIP',
      replacesConsentId: consentId,
      recipients: { sipParticipants: false, wholeAgencies: ['SCHOOL'] },
    };
    const limited = await graph.query(
      GIVE,
      { input: { ...input, validUntil: '2027-01-01T00:00:00.000Z' } },
      guardianClaims(child.custodianIds[0]!),
    );
    expect(limited.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.replacesConsentId' });
    const own = await ok(
      graph,
      GIVE,
      { input: { ...input, validUntil: '2027-01-01T00:00:00.000Z' } },
      childClaims(child.id),
    );
    expect(own.giveConsent.status).toBe('ACTIVE');
  });
});
