import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../../../dev/dev-identity.ts';
import { registerTestChild, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { ANSWER, guardianClaims, ok, initiateTestSip, refusal } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const INVITATION = `id agency unit invitedAt answerBy overdue forwardedFromUnit
  answer { kind attendee { name title email } forwardedToUnit note answeredBy }`;
const INBOX = `query ($answered: Boolean) { unitInvitations(answered: $answered) { ${INVITATION}
  sipId childName questions forwardNote invitedBy { name unit } } }`;
const ACCEPT = `mutation ($id: ID!, $input: AcceptInvitationInput!) { acceptInvitation(invitationId: $id,
  input: $input) { ${INVITATION} } }`;
const FORWARD = `mutation ($id: ID!, $unit: String!, $note: String!) { forwardInvitation(invitationId: $id,
  unit: $unit, note: $note) { ${INVITATION} } }`;
const DECLINE = `mutation ($id: ID!, $reason: String!) { declineInvitation(invitationId: $id, reason: $reason) {
  ${INVITATION} } }`;
const SIP_INVITATIONS = `query ($id: ID!) { sip(id: $id) { invitations { ${INVITATION} } participants { name } } }`;

const bupSouth: TokenClaims = {
  sub: 'staff-bup-sodra-1',
  role: 'doctor',
  agency: 'HEALTH_CARE',
  unit: 'BUP Södra',
  name: 'Lina Söder',
};
const DECLINE_REASON = 'Barnet är inte aktuellt hos oss; vi har ingen kontakt med familjen.';

/** An invited unit answers: takes part and names who attends, forwards to the right unit, or declines. */
describe('invitations to a SIP, answered by the units invited', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sipId: string;
  const mother = () => guardianClaims(child.custodianIds[0], 'Förälder1 Test');
  const inbox = async (as: Parameters<TestGraph['query']>[2], answered = false) =>
    (await ok(graph, INBOX, { answered }, as)).unitInvitations as Array<Record<string, any>>;
  const invitationOf = async (unit: string) =>
    ((await ok(graph, SIP_INVITATIONS, { id: sipId })).sip.invitations as Array<Record<string, any>>).find(
      (invitation) => invitation.unit === unit,
    )!;

  beforeAll(async () => {
    graph = await startTestGraph({ clock, seed: false });
    child = await registerTestChild(graph, { born: '20140301', custodians: 1 });
    sipId = (
      await initiateTestSip(graph, child.id, [
        { agency: 'SCHOOL', unit: 'Ekbackens skola' },
        { agency: 'HEALTH_CARE', unit: 'BUP Norra', answerWithinDays: 3 },
      ])
    ).id;
  });

  it('reaches the unit only once the family agreed to the SIP', async () => {
    expect(await inbox('school counsellor')).toEqual([]);
    const school = await invitationOf('Ekbackens skola');
    expect(
      refusal(await graph.query(ACCEPT, { id: school.id, input: { title: 'kurator' } }, 'school counsellor')),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invitationId' });

    await ok(graph, ANSWER, { sipId, answer: 'AGREED' });
    clock.set('2026-11-24T09:00:00.000Z');
    expect(await inbox('school counsellor')).toEqual([
      expect.objectContaining({
        id: school.id,
        sipId,
        childName: expect.stringContaining('Testbarn'),
        questions: ['Hur får Testbarn en fungerande skolgång?'],
        invitedBy: { name: 'Eva Sundberg', unit: 'Barn och familj' },
        answerBy: '2026-11-28T09:00:00.000Z',
        overdue: false,
        answer: null,
      }),
    ]);
    // Another unit's staff see nothing of it.
    expect(await inbox('nurse outside every SIP')).toEqual([]);
    // The worklist counts what waits without naming the child: that look is not logged.
    const counts = `{ unitInvitationCounts { waiting overdue } }`;
    expect((await ok(graph, counts, {}, 'school counsellor')).unitInvitationCounts).toEqual({ waiting: 1, overdue: 0 });
    // The unit learnt who the child is: the family reads that in its log.
    const log = await ok(
      graph,
      `query ($id: ID!) { childAccessLog(childId: $id) { requesterName kind fields purpose } }`,
      { id: child.id },
      mother(),
    );
    expect(log.childAccessLog).toContainEqual({
      requesterName: 'Karin Kurator',
      kind: 'CHILD_IDENTITY',
      fields: ['Query.unitInvitations'],
      purpose: 'an invitation to a SIP addressed to the unit',
    });
  });

  it('is accepted by staff of the invited unit only, who then take part in the SIP', async () => {
    const school = await invitationOf('Ekbackens skola');
    expect(
      refusal(await graph.query(ACCEPT, { id: school.id, input: { title: 'läkare' } }, 'BUP doctor')),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      refusal(await graph.query(`query ($id: ID!) { sip(id: $id) { id } }`, { id: sipId }, 'school counsellor')),
    ).toMatchObject({ code: 'FORBIDDEN' });

    const { acceptInvitation } = await ok(
      graph,
      ACCEPT,
      { id: school.id, input: { title: 'kurator', email: 'karin.kurator@skola.example' } },
      'school counsellor',
    );
    expect(acceptInvitation.answer).toEqual({
      kind: 'ACCEPTED',
      attendee: { name: 'Karin Kurator', title: 'kurator', email: 'karin.kurator@skola.example' },
      forwardedToUnit: null,
      note: null,
      answeredBy: 'Karin Kurator',
    });
    const { sip } = await ok(graph, SIP_INVITATIONS, { id: sipId }, 'school counsellor');
    expect(sip.participants.map((p: { name: string }) => p.name)).toContain('Karin Kurator');
    expect(
      refusal(await graph.query(ACCEPT, { id: school.id, input: { title: 'kurator' } }, 'school counsellor')),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'invitationId', reason: expect.stringMatching(/already/) });
    expect(await inbox('school counsellor')).toEqual([]);
    expect(await inbox('school counsellor', true)).toEqual([
      expect.objectContaining({ id: school.id, answer: expect.objectContaining({ kind: 'ACCEPTED' }) }),
    ]);
  });

  it('is flagged when the time to answer has passed', async () => {
    clock.set('2026-11-27T09:00:00.000Z');
    expect(await invitationOf('BUP Norra')).toMatchObject({ overdue: true, answer: null });
    expect(await inbox('BUP doctor')).toEqual([expect.objectContaining({ unit: 'BUP Norra', overdue: true })]);
    // The family sees it too: who has not answered yet.
    const { sip } = await ok(graph, SIP_INVITATIONS, { id: sipId }, mother());
    expect(sip.invitations.find((i: { unit: string }) => i.unit === 'BUP Norra').overdue).toBe(true);
  });

  it('is forwarded to another unit of the same agency, with a note, and as long to answer', async () => {
    const bup = await invitationOf('BUP Norra');
    expect(
      refusal(await graph.query(FORWARD, { id: bup.id, unit: 'BUP Norra', note: 'Fel enhet.' }, 'BUP doctor')),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit' });
    const note = 'Familjen bor i vårt södra upptagningsområde; BUP Södra har kontakten.';
    const { forwardInvitation } = await ok(graph, FORWARD, { id: bup.id, unit: 'BUP Södra', note }, 'BUP doctor');
    expect(forwardInvitation.answer).toMatchObject({ kind: 'FORWARDED', forwardedToUnit: 'BUP Södra', note });
    expect(await invitationOf('BUP Södra')).toMatchObject({
      agency: 'HEALTH_CARE',
      forwardedFromUnit: 'BUP Norra',
      invitedAt: '2026-11-27T09:00:00.000Z',
      answerBy: '2026-11-30T09:00:00.000Z',
      overdue: false,
      answer: null,
    });
    expect(await inbox(bupSouth)).toEqual([
      expect.objectContaining({ unit: 'BUP Södra', forwardNote: note, forwardedFromUnit: 'BUP Norra' }),
    ]);
  });

  it('is declined with a reason that the coordinator and the family read', async () => {
    const south = await invitationOf('BUP Södra');
    expect(refusal(await graph.query(DECLINE, { id: south.id, reason: 'Nej.' }, bupSouth))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    await ok(graph, DECLINE, { id: south.id, reason: DECLINE_REASON }, bupSouth);
    for (const as of ['social worker', mother()] as const) {
      const { sip } = await ok(graph, SIP_INVITATIONS, { id: sipId }, as);
      expect(sip.invitations.find((i: { unit: string }) => i.unit === 'BUP Södra').answer).toMatchObject({
        kind: 'DECLINED',
        note: DECLINE_REASON,
        answeredBy: 'Lina Söder',
      });
    }
  });

  it('lets staff taking part invite another unit after a decline, once, and nobody else', async () => {
    const INVITE = `mutation ($sipId: ID!, $input: InvitationInput!) { inviteUnit(sipId: $sipId, input: $input) {
      ${INVITATION} } }`;
    const input = { agency: 'HEALTH_CARE', unit: 'BUP Västra', answerWithinDays: 2 };
    const { inviteUnit } = await ok(graph, INVITE, { sipId, input });
    expect(inviteUnit).toMatchObject({
      unit: 'BUP Västra',
      invitedAt: '2026-11-27T09:00:00.000Z',
      answerBy: '2026-11-29T09:00:00.000Z',
      answer: null,
    });
    expect(refusal(await graph.query(INVITE, { sipId, input }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.unit',
    });
    // Another unit of an agency the family agreed to meet, yes; a new agency would learn about the
    // child on staff's word alone.
    const other = await registerTestChild(graph, { born: '20150301', custodians: 1 });
    const initiateSip = await initiateTestSip(graph, other.id, [{ agency: 'HEALTH_CARE', unit: 'BUP Norra' }]);
    await ok(graph, ANSWER, { sipId: initiateSip.id, answer: 'AGREED' });
    const later = (agency: string, unit: string) =>
      graph.query(INVITE, { sipId: initiateSip.id, input: { agency, unit } });
    expect((await later('HEALTH_CARE', 'BUP Södra')).errors).toBeUndefined();
    expect(refusal(await later('SCHOOL', 'Ekbackens skola'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.agency',
      reason: expect.stringMatching(/another agency needs their word first/),
    });
    expect(refusal(await graph.query(INVITE, { sipId, input: { ...input, unit: 'BUP Öst' } }, mother()))).toMatchObject(
      { code: 'FORBIDDEN' },
    );
  });
});
