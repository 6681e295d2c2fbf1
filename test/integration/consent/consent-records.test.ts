import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren, demoGuardians } from '../../../dev/demo/people.ts';
import {
  childWithRecords,
  RECORD_CONSENT,
  recordConsent,
  settableClock,
  withdrawConsent,
  type TestChild,
} from '../../support/consent-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);

describe('recording and withdrawing consent', () => {
  let graph: TestGraph;
  let child: TestChild;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 2 });
  });

  const valid = () => ({
    childId: child.id,
    guardianIds: child.custodianIds,
    givenByChild: false,
    form: 'ORAL',
    scopes: ['HEALTH_CARE_CONTACTS'],
    agencies: ['SCHOOL'],
    purpose: 'SIP',
    validFrom: '2026-11-23T00:00:00Z',
    validUntil: '2027-11-23T00:00:00Z',
  });
  const countConsents = () => (graph.subgraphs.sip.prisma as any).consent.count();

  it('records who gave it, in which form, who recorded it and when', async () => {
    const response = await graph.query(
      `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) {
        childId givenByGuardians { id } givenByChild form scopes agencies purpose
        validFrom validUntil recordedBy recordedByAgency recordedAt status withdrawal { reason } } }`,
      { input: valid() },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.recordConsent).toEqual({
      childId: child.id,
      givenByGuardians: child.custodianIds.map((id) => ({ id })),
      givenByChild: false,
      form: 'ORAL',
      scopes: ['HEALTH_CARE_CONTACTS'],
      agencies: ['SCHOOL'],
      purpose: 'SIP',
      validFrom: '2026-11-23T00:00:00.000Z',
      validUntil: '2027-11-23T00:00:00.000Z',
      recordedBy: 'staff-social-1',
      recordedByAgency: 'SOCIAL_SERVICES',
      recordedAt: NOW,
      status: 'ACTIVE',
      withdrawal: null,
    });
  });

  it.each([
    ['no scopes', { scopes: [] }, 'input.scopes', 'name at least one information category'],
    ['no agencies', { agencies: [] }, 'input.agencies', 'name at least one agency'],
    [
      'validUntil not after validFrom',
      { validUntil: '2026-11-23T00:00:00Z' },
      'input.validUntil',
      'must be after validFrom',
    ],
    [
      'a giver who is not a custodian',
      { guardianIds: [demoGuardians.peterNilsson.id] },
      'input.guardianIds.0',
      'not a guardian with custody of this child',
    ],
    ['no giver at all', { guardianIds: [] }, 'input.guardianIds', 'name who gave the consent'],
    [
      'a child under 15 consenting',
      { guardianIds: [], givenByChild: true },
      'input.givenByChild',
      'a child under 15 cannot consent on their own; the guardians consent',
    ],
    [
      'a child that does not exist',
      { childId: '99999999-0000-4000-8000-000000000000' },
      'input.childId',
      'no child with this id',
    ],
    ['an empty purpose', { purpose: ' ' }, 'input.purpose', 'must not be empty'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, overrides, field, reason) => {
    const before = await countConsents();
    const response = await graph.query(RECORD_CONSENT, { input: { ...valid(), ...overrides } });
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field, reason, serviceName: 'sip' } }),
    ]);
    expect(await countConsents()).toBe(before);
  });

  it('refuses an unknown scope at the schema, naming the value and the catalogue', async () => {
    const response = await graph.query(RECORD_CONSENT, {
      input: { ...valid(), scopes: ['HEALTH_CARE_CONTACTS', 'SHOE_SIZE'] },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('Value "SHOE_SIZE" does not exist in "ConsentScope" enum');
  });

  it('refuses an unknown agency at the schema', async () => {
    const response = await graph.query(RECORD_CONSENT, { input: { ...valid(), agencies: ['POLICE'] } });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('POLICE');
  });

  it('lets only agency staff record a consent', async () => {
    for (const as of ['guardian (Maria Lindqvist)', 'privacy officer'] as const) {
      const response = await graph.query(RECORD_CONSENT, { input: valid() }, as);
      expect(response.errors?.[0].extensions?.code, as).toBe('FORBIDDEN');
    }
  });

  it('keeps every version: a replacement stops the old one from now on, and both stay readable', async () => {
    clock.set(NOW);
    const first = await recordConsent(graph, { ...valid(), scopes: ['HEALTH_CARE_CONTACTS'] });
    clock.set('2026-12-01T00:00:00Z');
    const second = await recordConsent(graph, { ...valid(), scopes: ['HEALTH_DIAGNOSES'], replacesConsentId: first });
    const history = await graph.query(
      `query ($id: ID!) { consents(childId: $id) { id status replacesId replacedById scopes } }`,
      { id: child.id },
    );
    expect(history.data?.consents).toEqual(
      expect.arrayContaining([
        { id: second, status: 'ACTIVE', replacesId: first, replacedById: null, scopes: ['HEALTH_DIAGNOSES'] },
        { id: first, status: 'REPLACED', replacesId: null, replacedById: second, scopes: ['HEALTH_CARE_CONTACTS'] },
      ]),
    );
    const decisionAt = (at: string) =>
      graph.query(
        `query ($id: ID!, $at: DateTime) { consentDecision(childId: $id, scope: HEALTH_CARE_CONTACTS, agency:
          SCHOOL, at: $at) { granted reason consentId } }`,
        { id: child.id, at },
      );
    expect((await decisionAt('2026-11-30T23:59:59Z')).data?.consentDecision).toMatchObject({ granted: true });
    const refused = await graph.query(RECORD_CONSENT, { input: { ...valid(), replacesConsentId: first } });
    expect(refused.errors?.[0].extensions).toMatchObject({
      field: 'input.replacesConsentId',
      reason: 'already replaced by a newer version',
    });
  });

  it('lets a custodian withdraw, but not a guardian of another child, and not twice', async () => {
    clock.set(NOW);
    const consentId = await recordConsent(graph, valid());
    const stranger = await withdrawConsent(graph, consentId, 'guardian (Maria Lindqvist)');
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const parent = await graph.query(
      `mutation ($id: ID!) { withdrawConsent(consentId: $id, reason: "Ångrat") { status withdrawal { withdrawnAt
        withdrawnBy reason } } }`,
      { id: consentId },
      { sub: child.custodianIds[1], role: 'guardian' },
    );
    expect(parent.data?.withdrawConsent).toEqual({
      status: 'WITHDRAWN',
      withdrawal: { withdrawnAt: NOW, withdrawnBy: child.custodianIds[1], reason: 'Ångrat' },
    });
    const again = await withdrawConsent(graph, consentId);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'consentId',
      reason: 'already withdrawn',
    });
  });

  it("shows a guardian their own child's consents and refuses another child's", async () => {
    const maria = 'guardian (Maria Lindqvist)' as const;
    const own = await graph.query(
      `query ($id: ID!) { consents(childId: $id) { status } }`,
      { id: demoChildren.alva.id },
      maria,
    );
    expect(own.data?.consents).toEqual([{ status: 'ACTIVE' }]);
    const other = await graph.query(
      `query ($id: ID!) { consents(childId: $id) { status } }`,
      { id: demoChildren.leo.id },
      maria,
    );
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const children = await graph.query(`{ children { givenName } }`, {}, maria);
    expect(children.data?.children).toEqual([{ givenName: 'Alva' }]);
  });

  it('refuses to change or delete a recorded consent, even for the database owner', async () => {
    const sip = graph.subgraphs.sip.prisma as any;
    const [consent] = await sip.consent.findMany({ take: 1 });
    await expect(sip.consent.update({ where: { id: consent.id }, data: { purpose: 'changed' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(sip.consent.delete({ where: { id: consent.id } })).rejects.toThrow(/append-only/);
    await expect(sip.consentWithdrawal.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
