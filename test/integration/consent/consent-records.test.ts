import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren, demoGuardians } from '../../../dev/demo/people.ts';
import type { TokenClaims } from '../../../dev/dev-identity.ts';
import {
  childWithRecords,
  GIVE_CONSENT,
  RECORD_CONSENT,
  giveConsent,
  settableClock,
  withdrawConsent,
  type TestChild,
} from '../../support/consent-fixtures.ts';
import {
  ADD_PARTICIPANT,
  ANSWER,
  CLOSE,
  sipInput,
  childClaims,
  guardianClaims,
  INITIATE,
  ok,
  STAFF,
} from '../../support/sip-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);

describe('who gives, records and withdraws consent', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sipId: string;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 2 });
    sipId = (await ok(graph, INITIATE, { input: sipInput(child.id) })).initiateSip.id;
    await ok(graph, ANSWER, { sipId, answer: 'AGREED' });
    // The social worker started the SIP; the counsellor taking part records the family's word (four eyes).
    await ok(graph, ADD_PARTICIPANT, { sipId, input: STAFF.counsellor });
  });
  const RECORDER: Persona = 'school counsellor';

  const valid = () => ({
    sipId,
    childId: child.id,
    guardianIds: child.custodianIds,
    givenByChild: false,
    form: 'ORAL',
    scopes: ['HEALTH_CARE_CONTACTS'],
    purpose: 'SIP',
    validFrom: '2026-11-23T00:00:00Z',
    validUntil: '2027-11-23T00:00:00Z',
  });
  const terms = () => ({
    childId: child.id,
    scopes: ['HEALTH_CARE_CONTACTS'],
    purpose: 'SIP',
    validFrom: '2026-11-23T00:00:00Z',
    validUntil: '2027-11-23T00:00:00Z',
    recipients: { wholeAgencies: ['SCHOOL'], sipParticipants: false },
  });
  const parent = (i: number): TokenClaims => guardianClaims(child.custodianIds[i]);
  const countConsents = () => (graph.subgraphs.sip.prisma as any).consent.count();
  const CONSENT_FIELDS = `childId givenByGuardians { id } givenByChild form scopes recipients { sipParticipants named
    { agency unit subject } wholeAgencies } purpose validFrom validUntil recordedBy recordedByAgency recordedInSipId
    recordedByStaff recordedAt status`;
  const decision = (as: Persona, at?: string, scope = 'HEALTH_CARE_CONTACTS') =>
    graph.query(
      `query ($id: ID!, $at: DateTime, $scope: ConsentScope!) { consentDecision(childId: $id, scope: $scope, at: $at) {
        granted reason consentId } }`,
      { id: child.id, at, scope },
      as,
    );

  it("records the family's word in the open SIP, linked to it, naming form and recorder, for review", async () => {
    clock.set(NOW);
    const response = await graph.query(
      `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) {
      id ${CONSENT_FIELDS} } }`,
      { input: valid() },
      RECORDER,
    );
    expect(response.errors).toBeUndefined();
    const { id, ...recorded } = response.data!.recordConsent;
    expect(recorded).toEqual({
      childId: child.id,
      givenByGuardians: child.custodianIds.map((guardianId) => ({ id: guardianId })),
      givenByChild: false,
      form: 'ORAL',
      scopes: ['HEALTH_CARE_CONTACTS'],
      recipients: { sipParticipants: true, named: [], wholeAgencies: [] },
      purpose: 'SIP',
      validFrom: '2026-11-23T00:00:00.000Z',
      validUntil: '2027-11-23T00:00:00.000Z',
      recordedBy: 'staff-school-ekbacken-1',
      recordedByAgency: 'SCHOOL',
      recordedInSipId: sipId,
      recordedByStaff: true,
      recordedAt: NOW,
      status: 'ACTIVE',
    });
    // The family sees it, marked as recorded by staff, and the SIP lists it.
    const seen = await ok(
      graph,
      `query ($id: ID!) { consents(childId: $id) { id recordedByStaff } }`,
      { id: child.id },
      parent(0),
    );
    expect(seen.consents).toContainEqual({ id, recordedByStaff: true });
    const linked = await ok(graph, `query ($id: ID!) { sip(id: $id) { consents { id } } }`, { id: sipId });
    expect(linked.sip.consents).toContainEqual({ id });
  });

  it('refuses staff outside the SIP: they neither record, give nor withdraw, and read nothing after', async () => {
    clock.set(NOW);
    const outsider = 'nurse outside every SIP' as const;
    const before = await countConsents();
    const recorded = await graph.query(RECORD_CONSENT, { input: valid() }, outsider);
    expect(recorded.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const given = await graph.query(GIVE_CONSENT, { input: terms() }, outsider);
    expect(given.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await countConsents()).toBe(before);
    const consentId = await giveConsent(graph, { ...terms(), guardianIds: child.custodianIds });
    const withdrawn = await withdrawConsent(graph, consentId, outsider);
    expect(withdrawn.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await graph.query(
      `query ($id: ID!) { child(id: $id) { openSocialCase { caseNumber } } }`,
      { id: child.id },
      outsider,
    );
    expect(read.errors?.[0].extensions).toMatchObject({ code: 'CONSENT_REQUIRED', reason: 'NO_RELATION' });
  });

  it('refuses a staff record in a SIP about another child, or in a closed SIP', async () => {
    const other = await childWithRecords(graph, { born: '20120202', custodians: 1 });
    const otherSip = (await ok(graph, INITIATE, { input: sipInput(other.id) })).initiateSip.id;
    const wrongChild = await graph.query(RECORD_CONSENT, { input: { ...valid(), sipId: otherSip } });
    expect(wrongChild.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'the SIP is about another child',
    });
    await ok(graph, CLOSE, { sipId: otherSip, reason: 'NO_LONGER_NEEDED', note: 'Löst på annat sätt.' });
    const closed = await graph.query(RECORD_CONSENT, {
      input: { ...valid(), childId: other.id, guardianIds: other.custodianIds, sipId: otherSip },
    });
    expect(closed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sipId' });
  });

  it.each([
    ['no scopes', { scopes: [] }, 'input.scopes', 'name at least one information category'],
    [
      'no one to receive',
      { recipients: { sipParticipants: false } },
      'input.recipients',
      'no one would receive: link the consent to a SIP for its participants, or name recipients',
    ],
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
    ['no giver at all', { guardianIds: [] }, 'input.guardianIds', 'name whose word it is'],
    [
      'a child under 15 consenting',
      { guardianIds: [], givenByChild: true },
      'input.givenByChild',
      'a child under 15 cannot consent on their own; the guardians consent',
    ],
    [
      'the family’s own form',
      { form: 'IN_APP' },
      'input.form',
      'IN_APP is for the family’s own act; staff record WRITTEN or ORAL',
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
    const response = await graph.query(RECORD_CONSENT, { input: { ...valid(), ...overrides } }, RECORDER);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field, reason, serviceName: 'sip' } }),
    ]);
    expect(await countConsents()).toBe(before);
  });

  it('refuses an unknown scope or agency at the schema, naming the value', async () => {
    const scope = await graph.query(RECORD_CONSENT, {
      input: { ...valid(), scopes: ['HEALTH_CARE_CONTACTS', 'SHOE_SIZE'] },
    });
    expect(scope.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(scope.errors?.[0].message).toContain('Value "SHOE_SIZE" does not exist in "ConsentScope" enum');
    const agency = await graph.query(RECORD_CONSENT, {
      input: { ...valid(), recipients: { wholeAgencies: ['POLICE'] } },
    });
    expect(agency.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(agency.errors?.[0].message).toContain('POLICE');
  });

  it('lets a family member record nothing as staff, and a privacy officer neither record nor give', async () => {
    const guardian = await graph.query(RECORD_CONSENT, { input: valid() }, parent(0));
    expect(guardian.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const as of ['privacy officer', 'guardian (Maria Lindqvist)'] as const) {
      const response = await graph.query(GIVE_CONSENT, { input: terms() }, as);
      expect(response.errors?.[0].extensions?.code, as).toBe('FORBIDDEN');
    }
    const noCustody = await graph.query(
      GIVE_CONSENT,
      { input: { ...terms(), childId: demoChildren.noah.id } },
      guardianClaims(demoGuardians.peterNilsson.id),
    );
    expect(noCustody.errors?.[0].extensions?.reason).toBe(
      'only a guardian with custody of the child gives consent for the child',
    );
  });

  it('counts a consent once each custodian gave their own word; limiting keeps it, widening asks again', async () => {
    clock.set(NOW);
    const reader: Persona = 'school counsellor';
    // A category no other test here consents to.
    const social = () => ({ ...terms(), scopes: ['SOCIAL_CASE'] });
    const decide = () => decision(reader, undefined, 'SOCIAL_CASE');
    // The counsellor is named as a person at her unit, so she has a relation to the child.
    const named = {
      sipParticipants: false,
      named: [{ agency: 'SCHOOL', unit: 'Ekbackens skola', subject: 'staff-school-ekbacken-1' }],
    };
    const first = await ok(graph, GIVE_CONSENT, { input: { ...social(), recipients: named } }, parent(0));
    expect((await decide()).data?.consentDecision).toMatchObject({
      granted: false,
      reason: 'GUARDIAN_MISSING',
    });
    const joined = await ok(
      graph,
      `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id ${CONSENT_FIELDS} } }`,
      { input: { ...social(), recipients: named, replacesConsentId: first.giveConsent.id } },
      parent(1),
    );
    expect(joined.giveConsent).toMatchObject({
      givenByGuardians: expect.arrayContaining(child.custodianIds.map((id) => ({ id }))),
      form: 'IN_APP',
      recordedBy: child.custodianIds[1],
      recordedByAgency: null,
      recordedInSipId: null,
      recordedByStaff: false,
    });
    expect((await decide()).data?.consentDecision).toEqual({
      granted: true,
      reason: null,
      consentId: joined.giveConsent.id,
    });
    // One parent shortens it: the other's word still holds for what is left.
    const limited = await ok(
      graph,
      GIVE_CONSENT,
      {
        input: {
          ...social(),
          recipients: named,
          validUntil: '2027-01-01T00:00:00Z',
          replacesConsentId: joined.giveConsent.id,
        },
      },
      parent(0),
    );
    expect((await decide()).data?.consentDecision).toEqual({
      granted: true,
      reason: null,
      consentId: limited.giveConsent.id,
    });
    // Widening it to a whole agency needs the other parent again; meanwhile the limited one counts.
    const widened = await ok(
      graph,
      GIVE_CONSENT,
      {
        input: {
          ...social(),
          recipients: { ...named, wholeAgencies: ['SCHOOL'] },
          replacesConsentId: limited.giveConsent.id,
        },
      },
      parent(0),
    );
    expect(widened.giveConsent.status).toBe('PENDING');
    expect((await decide()).data?.consentDecision).toEqual({
      granted: true,
      reason: null,
      consentId: limited.giveConsent.id,
    });
  });

  it('lets the child from 15 give their own consent, and refuses a younger child', async () => {
    const sixteen = await childWithRecords(graph, { born: '20100101', custodians: 1 });
    const own = await graph.query(
      GIVE_CONSENT,
      { input: { ...terms(), childId: sixteen.id } },
      childClaims(sixteen.id),
    );
    expect(own.errors).toBeUndefined();
    const young = await graph.query(GIVE_CONSENT, { input: terms() }, childClaims(child.id));
    expect(young.errors?.[0].extensions?.reason).toBe('a child gives consent on their own from 15');
  });

  it('keeps every version: a replacement stops the old one from now on, and both stay readable', async () => {
    clock.set(NOW);
    const first = await giveConsent(graph, { ...terms(), guardianIds: child.custodianIds });
    clock.set('2026-12-01T00:00:00Z');
    const second = await giveConsent(graph, {
      ...terms(),
      guardianIds: child.custodianIds,
      scopes: ['HEALTH_DIAGNOSES'],
      replacesConsentId: first,
    });
    const history = await graph.query(
      `query ($id: ID!) { consents(childId: $id) { id status replacesId replacedById scopes } }`,
      { id: child.id },
      parent(0),
    );
    expect(history.data?.consents).toEqual(
      expect.arrayContaining([
        {
          id: second,
          status: 'ACTIVE',
          replacesId: expect.any(String),
          replacedById: null,
          scopes: ['HEALTH_DIAGNOSES'],
        },
        {
          id: first,
          status: 'REPLACED',
          replacesId: expect.any(String),
          replacedById: expect.any(String),
          scopes: ['HEALTH_CARE_CONTACTS'],
        },
      ]),
    );
    expect((await decision('school counsellor', '2026-11-30T23:59:59Z')).data?.consentDecision).toMatchObject({
      granted: true,
    });
    const refused = await graph.query(GIVE_CONSENT, { input: { ...terms(), replacesConsentId: first } }, parent(0));
    expect(refused.errors?.[0].extensions).toMatchObject({
      field: 'input.replacesConsentId',
      reason: 'already replaced by a newer version',
    });
  });

  it('lets a custodian withdraw, or staff in a linked open SIP on their word, no one else, not twice', async () => {
    clock.set(NOW);
    const consentId = await giveConsent(graph, { ...terms(), guardianIds: child.custodianIds });
    for (const as of ['guardian (Maria Lindqvist)', 'privacy officer', 'social worker'] as const) {
      const refused = await withdrawConsent(graph, consentId, as);
      expect(refused.errors?.[0].extensions?.code, as).toBe('FORBIDDEN');
    }
    const byParent = await graph.query(
      `mutation ($id: ID!) { withdrawConsent(consentId: $id, reason: "Ångrat") { status withdrawal { withdrawnAt
        withdrawnBy reason } } }`,
      { id: consentId },
      parent(1),
    );
    expect(byParent.data?.withdrawConsent).toEqual({
      status: 'WITHDRAWN',
      withdrawal: { withdrawnAt: NOW, withdrawnBy: child.custodianIds[1], reason: 'Ångrat' },
    });
    const again = await withdrawConsent(graph, consentId, parent(0));
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'consentId',
      reason: 'already withdrawn',
    });
    // The social worker takes part in the SIP the recorded consent is linked to.
    const recorded = await ok(graph, RECORD_CONSENT, { input: valid() }, RECORDER);
    expect((await withdrawConsent(graph, recorded.recordConsent.id, 'social worker')).errors).toBeUndefined();
  });

  it("shows a guardian their own child's consents and refuses another child's", async () => {
    const maria = 'guardian (Maria Lindqvist)' as const;
    const own = await graph.query(
      `query ($id: ID!) { consents(childId: $id) { status } }`,
      { id: demoChildren.alva.id },
      maria,
    );
    // Maria gave Alva's consent first, Johan joined it: two versions.
    expect(own.data?.consents).toEqual([{ status: 'ACTIVE' }, { status: 'REPLACED' }]);
    const other = await graph.query(
      `query ($id: ID!) { consents(childId: $id) { status } }`,
      { id: demoChildren.leo.id },
      maria,
    );
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const children = await graph.query(`{ myChildren { givenName } }`, {}, maria);
    expect(children.data?.myChildren).toEqual([{ givenName: 'Alva' }]);
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
