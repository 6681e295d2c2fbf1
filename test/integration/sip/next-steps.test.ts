import { beforeAll, describe, expect, it } from 'vitest';
import { recordConsent, registerTestChild, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import {
  ANSWER,
  guardianClaims,
  HELD,
  initiateTestSip,
  ok,
  planInput,
  SAVE_PLAN,
  SCHEDULE,
} from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const STEPS = `query ($id: ID!) { sip(id: $id) { nextSteps { kind text daysWaiting overdue } } }`;
const INVITATIONS = `query ($id: ID!) { sip(id: $id) { invitations { id unit } participants { id name kind } } }`;

/** What a SIP waits for, step by step through the process: the coordinator's worklist. */
describe('the next steps of a SIP', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sipId: string;
  const steps = async (as: Parameters<TestGraph['query']>[2] = 'social worker') =>
    (await ok(graph, STEPS, { id: sipId }, as)).sip.nextSteps as Array<Record<string, any>>;
  const kinds = async () => (await steps()).map((step) => step.kind);

  beforeAll(async () => {
    graph = await startTestGraph({ clock, seed: false });
    child = await registerTestChild(graph, { born: '20140301', custodians: 1 });
    sipId = (await initiateTestSip(graph, child.id)).id;
  });

  it('waits for the family first', async () => {
    expect(await steps()).toEqual([
      {
        kind: 'FAMILY_ANSWER',
        text: 'Fråga familjen om de vill ha en SIP och anteckna deras svar.',
        daysWaiting: 0,
        overdue: false,
      },
    ]);
  });

  it('then for the units’ answers, a consent in force and a meeting, flagging what is late', async () => {
    await ok(graph, ANSWER, { sipId, answer: 'AGREED' });
    expect(await kinds()).toEqual(['INVITATION_UNANSWERED', 'INVITATION_UNANSWERED', 'CONSENT', 'BOOK_MEETING']);
    clock.set('2026-11-30T09:00:00.000Z');
    const late = (await steps()).filter((step) => step.kind === 'INVITATION_UNANSWERED');
    expect(late).toEqual([
      expect.objectContaining({ text: 'Ekbackens skola har inte svarat på inbjudan.', daysWaiting: 7, overdue: true }),
      expect.objectContaining({ text: 'BUP Norra har inte svarat på inbjudan.', daysWaiting: 7, overdue: true }),
    ]);
    // The family sees where things stand too.
    expect((await steps(guardianClaims(child.custodianIds[0]))).map((step) => step.kind)).toContain('CONSENT');
  });

  it('asks for another unit when one declines, and for nothing from one that answered', async () => {
    const { sip } = await ok(graph, INVITATIONS, { id: sipId });
    const invitation = (unit: string) => sip.invitations.find((i: { unit: string }) => i.unit === unit).id;
    await ok(
      graph,
      `mutation ($id: ID!) { acceptInvitation(invitationId: $id, input: { title: "kurator" }) { id } }`,
      { id: invitation('Ekbackens skola') },
      'school counsellor',
    );
    await ok(
      graph,
      `mutation ($id: ID!) { declineInvitation(invitationId: $id,
        reason: "Barnet är inte aktuellt hos BUP Norra just nu.") { id } }`,
      { id: invitation('BUP Norra') },
      'BUP doctor',
    );
    const declined = (await steps()).filter((step) => step.kind.startsWith('INVITATION'));
    expect(declined).toEqual([
      expect.objectContaining({
        kind: 'INVITATION_DECLINED',
        text: expect.stringContaining('BUP Norra tackade nej: ”Barnet är inte aktuellt hos BUP Norra just nu.”'),
      }),
    ]);
  });

  it('moves on to the meeting, the plan and its signatures once the consent counts', async () => {
    await recordConsent(
      graph,
      {
        sipId,
        childId: child.id,
        guardianIds: child.custodianIds,
        scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE'],
        recipients: { sipParticipants: true },
        validFrom: '2026-11-01T00:00:00Z',
        validUntil: '2027-11-01T00:00:00Z',
      },
      'school counsellor',
    );
    expect(await kinds()).toEqual(['INVITATION_DECLINED', 'BOOK_MEETING']);

    const { sip } = await ok(graph, INVITATIONS, { id: sipId });
    const socialWorker = sip.participants.find((p: { name: string }) => p.name === 'Eva Sundberg').id;
    const counsellor = sip.participants.find((p: { name: string }) => p.name === 'Karin Kurator').id;
    const meeting = (
      await ok(graph, SCHEDULE, {
        input: {
          sipId,
          kind: 'SIP_MEETING',
          startsAt: '2026-12-03T09:00:00Z',
          endsAt: '2026-12-03T10:00:00Z',
          mode: 'IN_PERSON',
          place: 'Ekbackens skola',
          chairId: socialWorker,
          secretaryId: counsellor,
          invitedIds: sip.participants.map((p: { id: string }) => p.id),
        },
      })
    ).scheduleMeeting.id;
    expect(await kinds()).toEqual(['INVITATION_DECLINED']);

    clock.set('2026-12-03T11:00:00.000Z');
    await ok(graph, HELD, { meetingId: meeting, attendedIds: [socialWorker, counsellor] });
    expect(await kinds()).toEqual(['INVITATION_DECLINED', 'WRITE_PLAN']);

    await ok(graph, SAVE_PLAN, { sipId, input: { ...planInput(socialWorker, '2026-12-20'), meetingId: meeting } });
    const signatures = (await steps()).find((step) => step.kind === 'SIGNATURES');
    expect(signatures?.text).toMatch(/^Planen version 1 väntar på underskrift av .*Eva Sundberg, .*Karin Kurator/);
    // The follow-up is close: time to book it.
    expect(await kinds()).toContain('FOLLOW_UP');
  });
});
