import { beforeAll, describe, expect, it } from 'vitest';
import { demoGuardians } from '../../../dev/demo/people.ts';
import type { TokenClaims } from '../../../dev/dev-identity.ts';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';
import {
  activeSip,
  ADD_PARTICIPANT,
  childClaims,
  CLOSE,
  guardianClaims,
  ok,
  planInput,
  refusal,
  SAVE_PLAN,
  STAFF,
  type ActiveSip,
} from '../../support/sip-fixtures.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const SIP = `query ($id: ID!) { sip(id: $id) { id status } }`;
const CHILD_SIPS = `query ($id: ID!) { child(id: $id) { sips { id } } }`;
const otherSchoolStaff: TokenClaims = {
  sub: 'staff-school-annan-1',
  role: 'teacher',
  agency: 'SCHOOL',
  unit: 'Annans skola',
  name: 'Anna Annan',
};

describe('who may see and change a SIP', () => {
  let graph: TestGraph;
  let young: TestChild;
  let older: TestChild;
  let youngSip: ActiveSip;
  let olderSip: ActiveSip;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    young = await childWithRecords(graph, { born: '20140101', custodians: 1 });
    older = await childWithRecords(graph, { born: '20100101', custodians: 1 });
    const window = { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' };
    // The consent covers the school's and health care's categories, but not the social services case.
    youngSip = await activeSip(graph, young, { ...window, scopes: ['SCHOOL_ENROLMENT', 'HEALTH_CARE_CONTACTS'] });
    olderSip = await activeSip(graph, older, window);
  });

  const allowed: Array<[string, () => Persona | TokenClaims]> = [
    ['the staff who initiated it', () => 'social worker'],
    ['staff added as participants', () => 'school counsellor'],
    ['a guardian with custody', () => guardianClaims(young.custodianIds[0])],
  ];
  it.each(allowed)('shows the plan to %s', async (_, as) => {
    expect((await ok(graph, SIP, { id: youngSip.sipId }, as())).sip).toEqual({ id: youngSip.sipId, status: 'ACTIVE' });
    expect((await ok(graph, CHILD_SIPS, { id: young.id }, as())).child.sips).toEqual([{ id: youngSip.sipId }]);
  });

  it('shows the plan to the child from 15, not before', async () => {
    expect((await ok(graph, SIP, { id: olderSip.sipId }, childClaims(older.id))).sip.status).toBe('ACTIVE');
    expect(refusal(await graph.query(SIP, { id: youngSip.sipId }, childClaims(young.id))).code).toBe('FORBIDDEN');
    expect((await ok(graph, CHILD_SIPS, { id: young.id }, childClaims(young.id))).child.sips).toEqual([]);
  });

  const refused: Array<[string, () => Persona | TokenClaims]> = [
    ['staff of the same agency who take no part', () => otherSchoolStaff],
    ['a privacy officer', () => 'privacy officer'],
    ["another family's guardian", () => guardianClaims(demoGuardians.mariaLindqvist.id)],
    ["the guardian of the SIP's other child", () => guardianClaims(older.custodianIds[0])],
  ];
  it.each(refused)('refuses %s with FORBIDDEN', async (_, as) => {
    const response = await graph.query(SIP, { id: youngSip.sipId }, as());
    expect(response.data).toEqual({ sip: null });
    expect(refusal(response)).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
      reason: "only the SIP's participants, the child's guardians and the child from 15 may see or change it",
    });
  });

  it('leaves SIPs the requester may not see out of Child.sips, without an error', async () => {
    // Staff may look a child up; the child's SIPs are not theirs to see.
    expect((await ok(graph, CHILD_SIPS, { id: young.id }, otherSchoolStaff)).child.sips).toEqual([]);
  });

  it('refuses changes from staff who take no part, and writes nothing', async () => {
    const counts = async () => ({
      participants: await (graph.subgraphs.sip.prisma as any).sipParticipant.count(),
      versions: await (graph.subgraphs.sip.prisma as any).planVersion.count(),
    });
    const before = await counts();
    const attempts = [
      graph.query(
        ADD_PARTICIPANT,
        { sipId: youngSip.sipId, input: { ...STAFF.counsellor, subject: 'staff-school-annan-1' } },
        otherSchoolStaff,
      ),
      graph.query(
        SAVE_PLAN,
        { sipId: youngSip.sipId, input: planInput(youngSip.ids.socialWorker, '2027-03-01') },
        otherSchoolStaff,
      ),
      graph.query(CLOSE, { sipId: youngSip.sipId, reason: 'GOALS_MET', note: 'Klart' }, otherSchoolStaff),
    ];
    for (const response of await Promise.all(attempts)) expect(refusal(response).code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it("refuses the family the coordinator's actions", async () => {
    const response = await graph.query(
      ADD_PARTICIPANT,
      { sipId: youngSip.sipId, input: { kind: 'RELATIVE', name: 'Mormor Test', title: 'mormor' } },
      guardianClaims(young.custodianIds[0]),
    );
    expect(refusal(response)).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
      reason: 'only staff taking part in the SIP may add participants',
    });
  });

  it("keeps another agency's details inside the plan under consent", async () => {
    const response = await graph.query(
      `query ($id: ID!) { sip(id: $id) { status child { schoolPlacement { schoolName } openSocialCase { caseNumber }
        careContacts { unitName } } } }`,
      { id: youngSip.sipId },
      'school counsellor',
    );
    expect(response.data).toEqual({
      sip: {
        status: 'ACTIVE',
        child: {
          schoolPlacement: { schoolName: 'Testskolan' },
          openSocialCase: null,
          careContacts: [{ unitName: 'BUP Test' }],
        },
      },
    });
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['sip', 'child', 'openSocialCase'],
        extensions: expect.objectContaining({ code: 'CONSENT_REQUIRED', reason: 'SCOPE_NOT_COVERED' }),
      }),
    ]);
  });
});
