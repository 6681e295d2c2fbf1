import { beforeAll, describe, expect, it } from 'vitest';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';
import {
  activeSip,
  ADD_PARTICIPANT,
  childClaims,
  guardianClaims,
  HELD,
  ok,
  planInput,
  refusal,
  SAVE_PLAN,
  SCHEDULE,
  SIGN,
  type ActiveSip,
} from '../../support/sip-fixtures.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');

const FOLLOW_UPS = `query ($state: FollowUpState) { coordinatedSips(followUp: $state) { id followUp { dueOn state } }
  }`;
const PLAN_HISTORY = `query ($id: ID!) { sip(id: $id) {
  status
  versions { number isCurrent fullySigned signatures { participant { kind } } interventions { what agency startsOn
  endsOn } goals { term } coordinator { name } decidedAt { kind } startsFrom { what outcome } }
} }`;

/**
 * One SIP from initiative to closure, the way a coordinator's app and a guardian's app drive it
 * through the gateway, with the clock moved between the steps.
 */
describe('a SIP from initiative to closure', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  let childParticipant: string;
  let sipMeeting: string;
  let firstVersion: string;
  beforeAll(async () => {
    // No demo data: the social worker's worklist holds this SIP alone.
    graph = await startTestGraph({ clock, seed: false });
    child = await childWithRecords(graph, { born: '20100301', custodians: 2 });
    sip = await activeSip(graph, child, { validFrom: '2026-11-23T00:00:00Z', validUntil: '2027-11-23T00:00:00Z' });
  });
  const guardian = (i: number) => guardianClaims(child.custodianIds[i]);

  it('books the SIP meeting with the family, staff of three agencies, a chair and a secretary', async () => {
    childParticipant = (await ok(graph, ADD_PARTICIPANT, { sipId: sip.sipId, input: { kind: 'CHILD' } })).addParticipant
      .id;
    const { scheduleMeeting } = await ok(graph, SCHEDULE, {
      input: {
        sipId: sip.sipId,
        kind: 'SIP_MEETING',
        startsAt: '2026-11-30T13:00:00Z',
        endsAt: '2026-11-30T14:30:00Z',
        mode: 'HYBRID',
        place: 'Familjecentralen, rum 2',
        link: 'https://meet.example/sip-123',
        chairId: sip.ids.socialWorker,
        secretaryId: sip.ids.counsellor,
        invitedIds: [sip.ids.socialWorker, sip.ids.counsellor, sip.ids.doctor, ...sip.ids.guardians, childParticipant],
      },
    });
    sipMeeting = scheduleMeeting.id;
    expect(scheduleMeeting).toMatchObject({
      kind: 'SIP_MEETING',
      chair: { name: 'Eva Sundberg' },
      secretary: { name: 'Karin Kurator' },
    });
    expect(scheduleMeeting.invited).toHaveLength(6);
  });

  it('records the meeting as held and writes version 1 of the plan, decided at it', async () => {
    clock.set('2026-11-30T15:00:00.000Z');
    const attendedIds = [
      sip.ids.socialWorker,
      sip.ids.counsellor,
      sip.ids.doctor,
      sip.ids.guardians[0],
      childParticipant,
    ];
    const { recordMeetingHeld } = await ok(graph, HELD, {
      meetingId: sipMeeting,
      attendedIds,
      notes: [{ text: 'Alla utom en förälder närvarade.', category: 'SHARED' }],
    });
    expect(recordMeetingHeld.attended.map((p: { id: string }) => p.id).sort()).toEqual([...attendedIds].sort());
    // Who was invited and did not come is shown to staff and the family alike.
    for (const as of ['school counsellor', guardian(0)] as const) {
      const { sip: seen } = await ok(
        graph,
        `query ($id: ID!) { sip(id: $id) { meetings { id absent { id } } } }`,
        {
          id: sip.sipId,
        },
        as,
      );
      expect(seen.meetings.find((m: { id: string }) => m.id === sipMeeting).absent).toEqual([
        { id: sip.ids.guardians[1] },
      ]);
    }

    const { savePlanVersion } = await ok(graph, SAVE_PLAN, {
      sipId: sip.sipId,
      input: { ...planInput(sip.ids.socialWorker, '2027-02-15'), meetingId: sipMeeting },
    });
    firstVersion = savePlanVersion.id;
    // Staff, both guardians and the child (16) sign; nobody has yet.
    expect(savePlanVersion).toMatchObject({ number: 1, fullySigned: false });
    expect(savePlanVersion.awaitingSignatureFrom).toHaveLength(6);
  });

  it('is signed by every participant who signs, each as themselves', async () => {
    await ok(graph, SIGN, { versionId: firstVersion }, 'social worker');
    await ok(graph, SIGN, { versionId: firstVersion }, 'school counsellor');
    await ok(graph, SIGN, { versionId: firstVersion }, 'BUP doctor');
    await ok(graph, SIGN, { versionId: firstVersion }, guardian(0));
    await ok(graph, SIGN, { versionId: firstVersion }, guardian(1));
    const { signPlanVersion } = await ok(graph, SIGN, { versionId: firstVersion }, childClaims(child.id));
    expect(signPlanVersion).toMatchObject({ fullySigned: true, awaitingSignatureFrom: [] });
    expect(signPlanVersion.signatures).toHaveLength(6);

    expect(refusal(await graph.query(SIGN, { versionId: firstVersion }, guardian(0)))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'versionId',
      reason: 'you have already signed this version',
    });
  });

  it('gives each participant a printable copy of a version', async () => {
    const response = await ok(
      graph,
      `query ($id: ID!) { sip(id: $id) { currentVersion { printableHtml } } }`,
      { id: sip.sipId },
      guardian(0),
    );
    const html: string = response.sip.currentVersion.printableHtml;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Samordnad individuell plan (SIP)');
    expect(html).toContain('Version 1');
    expect(html).toContain('Samtal med kurator');
    expect(html).toContain('Planen är underskriven av alla.');
    expect(html).toContain('Kopia för Förälder Test');
  });

  it('shows the coordinator the follow-up as upcoming, then overdue once its date has passed', async () => {
    expect((await ok(graph, FOLLOW_UPS, {})).coordinatedSips).toEqual([
      { id: sip.sipId, followUp: { dueOn: '2027-02-15', state: 'UPCOMING' } },
    ]);
    expect((await ok(graph, FOLLOW_UPS, { state: 'OVERDUE' })).coordinatedSips).toEqual([]);
    // 2027-02-15 ends at 23:00 UTC in Stockholm; an hour later the follow-up is overdue.
    clock.set('2027-02-15T22:59:59.000Z');
    expect((await ok(graph, FOLLOW_UPS, { state: 'OVERDUE' })).coordinatedSips).toEqual([]);
    clock.set('2027-02-16T00:00:00.000Z');
    expect((await ok(graph, FOLLOW_UPS, { state: 'OVERDUE' })).coordinatedSips).toEqual([
      { id: sip.sipId, followUp: { dueOn: '2027-02-15', state: 'OVERDUE' } },
    ]);
    // The counsellor takes part but does not coordinate.
    expect((await ok(graph, FOLLOW_UPS, {}, 'school counsellor')).coordinatedSips).toEqual([]);
  });

  it(
    'revises the plan after a follow-up meeting: version ' + '2 needs new signatures, version 1 keeps its own',
    async () => {
      const { scheduleMeeting } = await ok(graph, SCHEDULE, {
        input: {
          sipId: sip.sipId,
          kind: 'FOLLOW_UP',
          startsAt: '2027-02-20T09:00:00Z',
          endsAt: '2027-02-20T10:00:00Z',
          mode: 'DIGITAL',
          link: 'https://meet.example/uppf',
          chairId: sip.ids.socialWorker,
          secretaryId: sip.ids.doctor,
          invitedIds: [sip.ids.socialWorker, sip.ids.doctor, sip.ids.counsellor, sip.ids.guardians[0]],
        },
      });
      clock.set('2027-02-20T10:30:00.000Z');
      const held = {
        meetingId: scheduleMeeting.id,
        attendedIds: [sip.ids.socialWorker, sip.ids.doctor, sip.ids.counsellor, sip.ids.guardians[0]],
      };
      // A follow-up says what became of every intervention of the plan it follows up.
      expect(refusal(await graph.query(HELD, held))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'followUps' });
      const [counselling] = (
        await ok(graph, `query ($id: ID!) { sip(id: $id) { currentVersion { interventions { id } } } }`, {
          id: sip.sipId,
        })
      ).sip.currentVersion.interventions;
      const followUp = {
        interventionId: counselling.id,
        done: 'Tolv samtal sedan december.',
        outcome: 'PARTLY',
        changes: 'Samtalen fortsätter; BUP utreder koncentrationen.',
      };
      expect(
        refusal(await graph.query(HELD, { ...held, followUps: [{ ...followUp, interventionId: sip.sipId }] })),
      ).toMatchObject({ field: 'followUps.0.interventionId' });
      const { recordMeetingHeld } = await ok(graph, HELD, { ...held, followUps: [followUp] });
      expect(recordMeetingHeld.followUps).toEqual([
        { what: 'Samtal med kurator', outcome: 'PARTLY', changes: followUp.changes },
      ]);
      expect((await ok(graph, FOLLOW_UPS, {})).coordinatedSips[0].followUp.state).toBe('FOLLOWED_UP');

      const revised = planInput(sip.ids.doctor, '2027-06-01');
      revised.interventions.push({
        ...revised.interventions[0],
        what: 'Utredning vid BUP',
        agency: 'HEALTH_CARE',
        unit: 'BUP Norra',
        startsOn: '2027-03-01',
        endsOn: '2027-03-01',
      });
      const { savePlanVersion } = await ok(graph, SAVE_PLAN, {
        sipId: sip.sipId,
        input: { ...revised, meetingId: scheduleMeeting.id },
      });
      expect(savePlanVersion).toMatchObject({ number: 2, fullySigned: false });

      const { sip: history } = await ok(graph, PLAN_HISTORY, { id: sip.sipId }, guardian(1));
      expect(history.versions).toEqual([
        expect.objectContaining({
          number: 1,
          isCurrent: false,
          fullySigned: true,
          coordinator: { name: 'Eva Sundberg' },
          decidedAt: { kind: 'SIP_MEETING' },
        }),
        expect.objectContaining({
          number: 2,
          isCurrent: true,
          fullySigned: false,
          signatures: [],
          coordinator: { name: 'Jonas Lind' },
          decidedAt: { kind: 'FOLLOW_UP' },
          startsFrom: [{ what: 'Samtal med kurator', outcome: 'PARTLY' }],
        }),
      ]);
      const copy = await ok(graph, `query ($id: ID!) { sip(id: $id) { currentVersion { printableHtml } } }`, {
        id: sip.sipId,
      });
      expect(copy.sip.currentVersion.printableHtml).toContain(
        '<h2>Uppföljning av förra planen</h2><ul><li>Samtal med kurator: Tolv samtal sedan december. Det fungerade ' +
          'delvis. Ändras: Samtalen fortsätter; BUP utreder koncentrationen.</li></ul>',
      );
      expect(history.versions[1].interventions.map((i: { what: string }) => i.what)).toEqual([
        'Samtal med kurator',
        'Utredning vid BUP',
      ]);
      // The coordinator changed with version 2.
      expect((await ok(graph, FOLLOW_UPS, {}, 'BUP doctor')).coordinatedSips).toEqual([
        { id: sip.sipId, followUp: { dueOn: '2027-06-01', state: 'UPCOMING' } },
      ]);
      expect((await ok(graph, FOLLOW_UPS, {}, 'social worker')).coordinatedSips).toEqual([]);

      expect(refusal(await graph.query(SIGN, { versionId: firstVersion }, guardian(1)))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'versionId',
        reason: 'version 1 has been replaced by version 2; sign the current version',
      });
    },
  );

  it('takes SIP-kollen feedback from the child and a guardian after a held meeting, once each', async () => {
    const FEEDBACK = `mutation ($meetingId: ID!, $input: SipFeedbackInput!) { giveSipFeedback(meetingId: $meetingId,
      input: $input) { listenedTo comment } }`;
    const answer = { listenedTo: 4, understood: 5, helpful: 3, comment: 'Bra att alla var där.' };
    expect(
      (await ok(graph, FEEDBACK, { meetingId: sipMeeting, input: answer }, childClaims(child.id))).giveSipFeedback,
    ).toEqual({ listenedTo: 4, comment: 'Bra att alla var där.' });
    await ok(graph, FEEDBACK, { meetingId: sipMeeting, input: { ...answer, comment: null } }, guardian(0));
    expect(refusal(await graph.query(FEEDBACK, { meetingId: sipMeeting, input: answer }, guardian(0)))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'meetingId',
      reason: 'you have already given feedback on this meeting',
    });
    expect(
      refusal(await graph.query(FEEDBACK, { meetingId: sipMeeting, input: { ...answer, helpful: 6 } }, guardian(1))),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.helpful',
      reason: 'must be a whole number from 1 to 5',
    });
    expect(refusal(await graph.query(FEEDBACK, { meetingId: sipMeeting, input: answer }, 'school counsellor'))).toEqual(
      {
        code: 'FORBIDDEN',
        field: undefined,
        reason: 'SIP-kollen is for the child and their guardians',
      },
    );
    const { sip: read } = await ok(
      graph,
      `query ($id: ID!) { sip(id: $id) { meetings { kind feedback { listenedTo understood helpful comment } } } }`,
      { id: sip.sipId },
    );
    expect(read.meetings[0].feedback).toEqual([
      { listenedTo: 4, understood: 5, helpful: 3, comment: 'Bra att alla var där.' },
      { listenedTo: 4, understood: 5, helpful: 3, comment: null },
    ]);
  });

  it('lets a guardian see each consent and withdraw one, which closes the SIP and says so', async () => {
    const GUARDIAN_VIEW = `query ($childId: ID!) { child(id: $childId) { sips { id status consents { id status }
      closure { reason note } } } }`;
    const before = await ok(graph, GUARDIAN_VIEW, { childId: child.id }, guardian(1));
    expect(before.child.sips).toEqual([
      { id: sip.sipId, status: 'ACTIVE', consents: [{ id: sip.consentId, status: 'ACTIVE' }], closure: null },
    ]);

    const withdrawn = await ok(
      graph,
      `mutation ($id: ID!) { withdrawConsent(consentId: $id, reason: "Vi vill avsluta samarbetet.") { status } }`,
      { id: sip.consentId },
      guardian(1),
    );
    expect(withdrawn.withdrawConsent.status).toBe('WITHDRAWN');

    const after = await ok(graph, GUARDIAN_VIEW, { childId: child.id }, guardian(1));
    expect(after.child.sips).toEqual([
      {
        id: sip.sipId,
        status: 'CLOSED',
        consents: [{ id: sip.consentId, status: 'WITHDRAWN' }],
        closure: {
          reason: 'CONSENT_WITHDRAWN',
          note: `Consent ${sip.consentId} was withdrawn: Vi vill avsluta samarbetet.`,
        },
      },
    ]);
    // A closed SIP no longer changes, and its plan can no longer be signed.
    const { sip: closed } = await ok(graph, `query ($id: ID!) { sip(id: $id) { currentVersion { id } } }`, {
      id: sip.sipId,
    });
    expect(refusal(await graph.query(SIGN, { versionId: closed.currentVersion.id }, 'social worker'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'versionId',
      reason: 'the SIP is closed (CONSENT_WITHDRAWN); it can no longer change',
    });
    expect(
      refusal(await graph.query(SAVE_PLAN, { sipId: sip.sipId, input: planInput(sip.ids.socialWorker, '2027-06-01') })),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'sipId',
      reason: 'the SIP is closed (CONSENT_WITHDRAWN); it can no longer change',
    });
  });
});
