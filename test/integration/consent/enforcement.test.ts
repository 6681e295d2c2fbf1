import { beforeAll, describe, expect, it } from 'vitest';
import {
  childWithRecords,
  GIVE_CONSENT,
  giveConsent,
  settableClock,
  type TestChild,
} from '../../support/consent-fixtures.ts';
import { ADD_PARTICIPANT, childClaims, INITIATE, ok, sipInput, STAFF } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);

/** A school counsellor reads a child's health care contacts (list) and open social case (object). */
const READ_AS_SCHOOL = `query ($id: ID!) { child(id: $id) { givenName careContacts { unitName } openSocialCase {
  caseNumber } } }`;

const withheld = (path: string, scope: string, reason: string, consentId: string | null, serviceName: string) => ({
  message: expect.stringContaining(`Consent required for ${scope}`),
  path: ['child', path],
  extensions: { code: 'CONSENT_REQUIRED', scope, reason, ...(consentId && { consentId }), serviceName },
});

describe('cross-agency reads under consent', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph({ clock })));
  const readAsSchool = (child: TestChild) => graph.query(READ_AS_SCHOOL, { id: child.id }, 'school counsellor');
  const bothScopesToSchool = (child: TestChild, overrides: Record<string, unknown> = {}) =>
    giveConsent(graph, {
      childId: child.id,
      guardianIds: child.custodianIds,
      scopes: ['HEALTH_CARE_CONTACTS', 'SOCIAL_CASE'],
      agencies: ['SCHOOL'],
      validFrom: '2026-11-01T00:00:00Z',
      validUntil: '2027-11-01T00:00:00Z',
      ...overrides,
    });

  it('serves the fields when a consent covers scope, agency, givers and the moment', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 2 });
    await bothScopesToSchool(child);
    const response = await readAsSchool(child);
    expect(response).toEqual({
      status: 200,
      data: {
        child: {
          givenName: 'Testbarn',
          careContacts: [{ unitName: 'BUP Test' }],
          openSocialCase: { caseNumber: expect.any(String) },
        },
      },
    });
  });

  /** A SIP about the child in which the school counsellor takes part: her relation to the child. */
  const counsellorInSip = async (child: TestChild) => {
    const { initiateSip } = await ok(graph, INITIATE, {
      input: sipInput(child.id),
    });
    await ok(graph, ADD_PARTICIPANT, { sipId: initiateSip.id, input: STAFF.counsellor });
  };

  it('withholds with NO_RELATION from staff in none of the child’s SIPs, and still serves the rest', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const response = await readAsSchool(child);
    // Not even the child's name: the SIP core's identity data follows the same need to know.
    expect(response.data).toEqual({ child: { givenName: null, careContacts: null, openSocialCase: null } });
    expect(response.errors).toEqual(
      expect.arrayContaining([
        withheld('careContacts', 'HEALTH_CARE_CONTACTS', 'NO_RELATION', null, 'health'),
        withheld('openSocialCase', 'SOCIAL_CASE', 'NO_RELATION', null, 'social'),
        expect.objectContaining({
          path: ['child', 'givenName'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        }),
      ]),
    );
  });

  it('withholds with NO_CONSENT from a participant of the SIP before any consent', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    await counsellorInSip(child);
    const response = await readAsSchool(child);
    expect(response.data).toEqual({ child: { givenName: 'Testbarn', careContacts: null, openSocialCase: null } });
    expect(response.errors).toEqual(
      expect.arrayContaining([
        withheld('careContacts', 'HEALTH_CARE_CONTACTS', 'NO_CONSENT', null, 'health'),
        withheld('openSocialCase', 'SOCIAL_CASE', 'NO_CONSENT', null, 'social'),
      ]),
    );
    expect(response.errors).toHaveLength(2);
  });

  it('releases a consent to the SIP’s participants, not to the rest of their agency', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    await counsellorInSip(child);
    await giveConsent(graph, {
      childId: child.id,
      guardianIds: child.custodianIds,
      scopes: ['HEALTH_CARE_CONTACTS'],
      recipients: { sipParticipants: true },
      sipId: (await ok(graph, `query ($id: ID!) { child(id: $id) { sips { id } } }`, { id: child.id })).child.sips[0]
        .id,
      validFrom: '2026-11-01T00:00:00Z',
      validUntil: '2027-11-01T00:00:00Z',
    });
    expect((await readAsSchool(child)).data?.child.careContacts).toEqual([{ unitName: 'BUP Test' }]);
    // A teacher at the same school, and staff at another school: the same agency, but not in the plan.
    for (const unit of ['Ekbackens skola', 'Solrosens skola']) {
      const teacher = { sub: `staff-teacher-${unit}`, role: 'teacher', agency: 'SCHOOL', unit, name: 'Lärare' };
      const response = await graph.query(READ_AS_SCHOOL, { id: child.id }, teacher);
      expect(response.data?.child.careContacts, unit).toBeNull();
      expect(response.errors, unit).toContainEqual(
        withheld('careContacts', 'HEALTH_CARE_CONTACTS', 'NO_RELATION', null, 'health'),
      );
    }
  });

  it.each([
    ['SCOPE_NOT_COVERED', { scopes: ['HEALTH_MEDICATION', 'SOCIAL_INTERVENTIONS'] }],
    // She takes part in the SIP, but the family named only another school.
    [
      'RECIPIENT_NOT_COVERED',
      { recipients: { sipParticipants: false, named: [{ agency: 'SCHOOL', unit: 'Solrosens skola' }] } },
    ],
    ['NOT_YET_VALID', { validFrom: '2026-12-01T00:00:00Z' }],
  ])('withholds with %s', async (reason, overrides) => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    await counsellorInSip(child);
    const consentId = await bothScopesToSchool(child, overrides);
    const response = await readAsSchool(child);
    expect(response.data?.child).toEqual({ givenName: 'Testbarn', careContacts: null, openSocialCase: null });
    expect(response.errors).toEqual(
      expect.arrayContaining([
        withheld('careContacts', 'HEALTH_CARE_CONTACTS', reason, consentId, 'health'),
        withheld('openSocialCase', 'SOCIAL_CASE', reason, consentId, 'social'),
      ]),
    );
  });

  it('withholds when only one of two guardians with custody consented (GUARDIAN_MISSING)', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 2 });
    const consentId = await bothScopesToSchool(child, { guardianIds: [child.custodianIds[0]] });
    const response = await readAsSchool(child);
    expect(response.data?.child.careContacts).toBeNull();
    expect(response.errors).toContainEqual(
      withheld('careContacts', 'HEALTH_CARE_CONTACTS', 'GUARDIAN_MISSING', consentId, 'health'),
    );
  });

  it('holds from validFrom to just before validUntil, to the millisecond', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const consentId = await bothScopesToSchool(child, {
      validFrom: '2026-12-01T08:00:00.000Z',
      validUntil: '2027-01-01T08:00:00.000Z',
    });
    const contactsAt = async (instant: string) => {
      clock.set(instant);
      const response = await readAsSchool(child);
      return {
        contacts: response.data?.child.careContacts,
        reason: response.errors?.find((e) => e.path?.[1] === 'careContacts')?.extensions?.reason,
      };
    };
    expect(await contactsAt('2026-12-01T07:59:59.999Z')).toEqual({ contacts: null, reason: 'NOT_YET_VALID' });
    expect(await contactsAt('2026-12-01T08:00:00.000Z')).toEqual({
      contacts: [{ unitName: 'BUP Test' }],
      reason: undefined,
    });
    expect(await contactsAt('2027-01-01T07:59:59.999Z')).toEqual({
      contacts: [{ unitName: 'BUP Test' }],
      reason: undefined,
    });
    expect(await contactsAt('2027-01-01T08:00:00.000Z')).toEqual({ contacts: null, reason: 'EXPIRED' });
    expect(consentId).toBeTruthy();
  });

  it('stops releasing on the very next request after a guardian withdraws', async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const consentId = await bothScopesToSchool(child);
    expect((await readAsSchool(child)).data?.child.careContacts).toEqual([{ unitName: 'BUP Test' }]);
    const guardian = { sub: child.custodianIds[0], role: 'guardian' };
    const withdrawn = await graph.query(
      `mutation ($id: ID!) { withdrawConsent(consentId: $id, reason: "Vi vill inte dela mer") { status } }`,
      { id: consentId },
      guardian,
    );
    expect(withdrawn.data).toEqual({ withdrawConsent: { status: 'WITHDRAWN' } });
    const after = await readAsSchool(child);
    expect(after.data?.child.careContacts).toBeNull();
    expect(after.errors).toContainEqual(
      withheld('careContacts', 'HEALTH_CARE_CONTACTS', 'WITHDRAWN', consentId, 'health'),
    );
  });

  it("lets a child of 15 or more consent on their own, and refuses a 14-year-old's own consent", async () => {
    clock.set(NOW);
    const sixteen = await childWithRecords(graph, { born: '20100601', custodians: 2 });
    await giveConsent(graph, {
      childId: sixteen.id,
      givenByChild: true,
      scopes: ['HEALTH_CARE_CONTACTS'],
      agencies: ['SCHOOL'],
      validFrom: NOW,
      validUntil: '2027-06-01T00:00:00Z',
    });
    expect((await readAsSchool(sixteen)).data?.child.careContacts).toEqual([{ unitName: 'BUP Test' }]);

    const fourteen = await childWithRecords(graph, { born: '20120601', custodians: 1 });
    const refused = await graph.query(
      GIVE_CONSENT,
      {
        input: {
          childId: fourteen.id,
          scopes: ['HEALTH_CARE_CONTACTS'],
          recipients: { sipParticipants: false, wholeAgencies: ['SCHOOL'] },
          purpose: 'SIP',
          validFrom: NOW,
          validUntil: '2027-06-01T00:00:00Z',
        },
      },
      childClaims(fourteen.id),
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'a child gives consent on their own from 15',
    });
  });

  it("serves an agency's own staff its own fields without any consent, and audits nothing for it", async () => {
    clock.set(NOW);
    const child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const response = await graph.query(
      `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`,
      { id: child.id },
      'BUP doctor',
    );
    expect(response).toEqual({ status: 200, data: { child: { careContacts: [{ unitName: 'BUP Test' }] } } });
    const audit = await (graph.subgraphs.sip.prisma as any).auditGroup.count({
      where: { childIds: { has: child.id }, kind: 'CROSS_AGENCY' },
    });
    expect(audit).toBe(0);
  });
});
