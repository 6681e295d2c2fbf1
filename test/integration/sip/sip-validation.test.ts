import { beforeAll, describe, expect, it } from 'vitest';
import { demoGuardians } from '../../../dev/demo/people.ts';
import { childWithRecords, giveConsent, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';
import {
  activeSip,
  ADD_PARTICIPANT,
  ANSWER,
  CLOSE,
  guardianClaims,
  HELD,
  INITIATE,
  LINK_CONSENT,
  ok,
  planInput,
  refusal,
  SAVE_PLAN,
  SCHEDULE,
  STAFF,
  type ActiveSip,
} from '../../support/sip-fixtures.ts';

const NOW = '2026-11-23T09:00:00.000Z';
const clock = settableClock(NOW);
const WINDOW = { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' };

/** Every table the SIP process writes to, to prove a refused mutation wrote nothing. */
async function rowCounts(graph: TestGraph) {
  const sip = graph.subgraphs.sip.prisma as any;
  const tables = [
    'sip',
    'sipInvitation',
    'sipParticipant',
    'sipConsent',
    'meeting',
    'meetingParticipant',
    'planVersion',
    'planGoal',
    'planIntervention',
    'planSignature',
  ];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await sip[table].count()])));
}

describe('SIP mutations refuse bad input with the field and reason, and write nothing', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  let awaiting: { sipId: string; initiator: string; guardian: string };
  let familyPreMeeting: string;
  let secondSocialWorker: string;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120601', custodians: 1 });
    sip = await activeSip(graph, child, WINDOW);
    const other = await childWithRecords(graph, { born: '20130601', custodians: 1 });
    const { initiateSip } = await ok(graph, INITIATE, {
      input: {
        childId: other.id,
        questions: ['Stöd i skolan?'],
        invitations: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }],
        initiatorTitle: 'socialsekreterare',
      },
    });
    awaiting = {
      sipId: initiateSip.id,
      initiator: initiateSip.participants.find((p: { isInitiator: boolean }) => p.isInitiator).id,
      guardian: initiateSip.participants.find((p: { kind: string }) => p.kind === 'GUARDIAN').id,
    };
    secondSocialWorker = (
      await ok(graph, ADD_PARTICIPANT, {
        sipId: sip.sipId,
        input: {
          kind: 'STAFF',
          subject: 'staff-social-2',
          name: 'Per Persson',
          agency: 'SOCIAL_SERVICES',
          unit: 'Barn och familj',
          title: 'familjebehandlare',
        },
      })
    ).addParticipant.id;
    familyPreMeeting = (
      await ok(graph, SCHEDULE, {
        input: {
          sipId: sip.sipId,
          kind: 'FAMILY_PRE_MEETING',
          startsAt: '2026-11-24T09:00:00Z',
          endsAt: '2026-11-24T10:00:00Z',
          mode: 'PHONE',
          chairId: sip.ids.socialWorker,
          invitedIds: [sip.ids.socialWorker, sip.ids.guardians[0]],
        },
      })
    ).scheduleMeeting.id;
  });

  const initiate = (input: Record<string, unknown>) => ({
    childId: child.id,
    questions: ['Fråga'],
    invitations: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }],
    initiatorTitle: 'socialsekreterare',
    ...input,
  });
  const meeting = (input: Record<string, unknown>) => ({
    sipId: sip.sipId,
    kind: 'SIP_MEETING',
    startsAt: '2026-12-01T09:00:00Z',
    endsAt: '2026-12-01T10:00:00Z',
    mode: 'IN_PERSON',
    place: 'Rum 1',
    chairId: sip.ids.socialWorker,
    secretaryId: sip.ids.counsellor,
    invitedIds: [sip.ids.socialWorker, sip.ids.counsellor, sip.ids.doctor, sip.ids.guardians[0]],
    ...input,
  });
  const plan = (input: Record<string, unknown>) => ({ ...planInput(sip.ids.socialWorker, '2027-03-01'), ...input });
  const intervention = planInput('', '').interventions[0];

  // Each as the social worker, unless a case names who (linking a consent is for staff who did not start the SIP).
  const cases: Array<[string, () => [string, Record<string, unknown>], string, string, Persona?]> = [
    [
      'initiateSip: an unknown child',
      () => [INITIATE, { input: initiate({ childId: '00000000-0000-4000-8000-000000000000' }) }],
      'input.childId',
      'no child with this id',
    ],
    [
      'initiateSip: a child with an open SIP',
      () => [INITIATE, { input: initiate({}) }],
      'input.childId',
      'the child already has an open SIP; work in that one',
    ],
    [
      'initiateSip: no question',
      () => [INITIATE, { input: initiate({ questions: [] }) }],
      'input.questions',
      'name at least one question',
    ],
    [
      'initiateSip: a blank question',
      () => [INITIATE, { input: initiate({ questions: ['Fråga', '  '] }) }],
      'input.questions.1',
      'must not be empty',
    ],
    [
      'initiateSip: only the own agency',
      () => [INITIATE, { input: initiate({ invitations: [{ agency: 'SOCIAL_SERVICES', unit: 'Barn och familj' }] }) }],
      'input.invitations',
      'a SIP brings together at least two agencies; invite another agency than your own',
    ],
    [
      'initiateSip: a unit twice',
      () => [
        INITIATE,
        {
          input: initiate({
            invitations: [
              { agency: 'SCHOOL', unit: 'A' },
              { agency: 'SCHOOL', unit: 'A' },
            ],
          }),
        },
      ],
      'input.invitations.1',
      'listed twice',
    ],
    [
      'initiateSip: longer than a month to answer an invitation',
      () => [INITIATE, { input: initiate({ invitations: [{ agency: 'SCHOOL', unit: 'A', answerWithinDays: 31 }] }) }],
      'input.invitations.0.answerWithinDays',
      'give a whole number of days from 1 to 30',
    ],
    [
      'initiateSip: a bad e-mail',
      () => [INITIATE, { input: initiate({ initiatorEmail: 'eva.kommun' }) }],
      'input.initiatorEmail',
      'must be an e-mail address',
    ],
    [
      'recordFamilyAnswer: a refusal without a reason',
      () => [ANSWER, { sipId: awaiting.sipId, answer: 'DECLINED' }],
      'note',
      'must not be empty',
    ],
    [
      'recordFamilyAnswer: a second answer',
      () => [ANSWER, { sipId: sip.sipId, answer: 'DECLINED', note: 'Nej' }],
      'answer',
      "the family's answer is already recorded (AGREED)",
    ],
    [
      'recordFamilyAnswer: an unknown SIP',
      () => [ANSWER, { sipId: 'not-an-id', answer: 'AGREED' }],
      'sipId',
      'no SIP with this id',
    ],
    [
      'linkConsent: another child’s consent',
      () => [LINK_CONSENT, { sipId: sip.sipId, consentId: '33333333-0000-4000-8000-000000000001' }],
      'consentId',
      'no consent with this id for this child',
      'school counsellor',
    ],
    [
      'linkConsent: twice',
      () => [LINK_CONSENT, { sipId: sip.sipId, consentId: sip.consentId }],
      'consentId',
      'already linked to this SIP',
      'school counsellor',
    ],
    [
      'addParticipant: staff without agency',
      () => [ADD_PARTICIPANT, { sipId: sip.sipId, input: { ...STAFF.doctor, subject: 'new-staff', agency: null } }],
      'input.agency',
      'staff belong to an agency',
    ],
    [
      'addParticipant: staff already taking part',
      () => [ADD_PARTICIPANT, { sipId: sip.sipId, input: STAFF.doctor }],
      'input.subject',
      'already a participant of this SIP',
    ],
    [
      'addParticipant: another child’s guardian',
      () => [ADD_PARTICIPANT, { sipId: sip.sipId, input: { kind: 'GUARDIAN', subject: demoGuardians.lenaEk.id } }],
      'input.subject',
      'not a registered guardian of the child',
    ],
    [
      'addParticipant: a relative without relation',
      () => [ADD_PARTICIPANT, { sipId: sip.sipId, input: { kind: 'RELATIVE', name: 'Mormor' } }],
      'input.title',
      'must not be empty',
    ],
    [
      'addParticipant: a name for the child',
      () => [ADD_PARTICIPANT, { sipId: sip.sipId, input: { kind: 'CHILD', name: 'Annat namn' } }],
      'input.name',
      'not given for a child; it is read from the register',
    ],
    [
      'scheduleMeeting: ends before it starts',
      () => [SCHEDULE, { input: meeting({ endsAt: '2026-12-01T08:00:00Z' }) }],
      'input.endsAt',
      'must be after startsAt',
    ],
    [
      'scheduleMeeting: in the past',
      () => [SCHEDULE, { input: meeting({ startsAt: '2026-11-22T09:00:00Z' }) }],
      'input.startsAt',
      'must be in the future',
    ],
    [
      'scheduleMeeting: in person without a place',
      () => [SCHEDULE, { input: meeting({ place: ' ' }) }],
      'input.place',
      'an in-person meeting needs a place',
    ],
    [
      'scheduleMeeting: digital without a link',
      () => [SCHEDULE, { input: meeting({ mode: 'DIGITAL' }) }],
      'input.link',
      'a digital meeting needs a link',
    ],
    [
      'scheduleMeeting: an invitee who takes no part',
      () => [SCHEDULE, { input: meeting({ invitedIds: [sip.ids.socialWorker, awaiting.guardian] }) }],
      'input.invitedIds.1',
      'not a participant of this SIP',
    ],
    [
      'scheduleMeeting: a chair who is not invited',
      () => [
        SCHEDULE,
        {
          input: meeting({
            chairId: sip.ids.doctor,
            invitedIds: [sip.ids.socialWorker, sip.ids.counsellor, sip.ids.guardians[0]],
          }),
        },
      ],
      'input.chairId',
      'must be a staff participant invited to the meeting',
    ],
    [
      'scheduleMeeting: a SIP meeting without a secretary',
      () => [SCHEDULE, { input: meeting({ secretaryId: null }) }],
      'input.secretaryId',
      'a SIP_MEETING needs a secretary',
    ],
    [
      'scheduleMeeting: the chair as secretary',
      () => [SCHEDULE, { input: meeting({ secretaryId: sip.ids.socialWorker }) }],
      'input.secretaryId',
      'must be someone other than the chair',
    ],
    [
      'scheduleMeeting: a SIP meeting without the family',
      () => [SCHEDULE, { input: meeting({ invitedIds: [sip.ids.socialWorker, sip.ids.counsellor] }) }],
      'input.invitedIds',
      'a SIP_MEETING must invite a guardian or the child',
    ],
    [
      'scheduleMeeting: a SIP meeting with one agency',
      () => [
        SCHEDULE,
        {
          input: meeting({
            secretaryId: secondSocialWorker,
            invitedIds: [sip.ids.socialWorker, secondSocialWorker, sip.ids.guardians[0]],
          }),
        },
      ],
      'input.invitedIds',
      'a SIP_MEETING brings together staff from at least two agencies',
    ],
    [
      "scheduleMeeting: the agencies' pre-meeting with the family",
      () => [SCHEDULE, { input: meeting({ kind: 'AGENCY_PRE_MEETING' }) }],
      'input.invitedIds',
      "the agencies' pre-meeting is held without the family",
    ],
    [
      'scheduleMeeting: a follow-up with no plan',
      () => [SCHEDULE, { input: meeting({ kind: 'FOLLOW_UP' }) }],
      'input.kind',
      'there is no plan to follow up yet',
    ],
    [
      'scheduleMeeting: a SIP meeting before the family agreed',
      () => [
        SCHEDULE,
        {
          input: meeting({
            sipId: awaiting.sipId,
            chairId: awaiting.initiator,
            secretaryId: null,
            kind: 'AGENCY_PRE_MEETING',
            invitedIds: [awaiting.initiator],
          }),
        },
      ],
      'input.kind',
      'the family has not agreed to the SIP yet; record their answer first',
    ],
    [
      'recordMeetingHeld: before it started',
      () => [HELD, { meetingId: familyPreMeeting, attendedIds: [sip.ids.socialWorker] }],
      'meetingId',
      'the meeting has not started yet',
    ],
    [
      'recordMeetingHeld: an unknown meeting',
      () => [HELD, { meetingId: '00000000-0000-4000-8000-000000000000', attendedIds: [sip.ids.socialWorker] }],
      'meetingId',
      'no meeting with this id',
    ],
    [
      'savePlanVersion: no needs',
      () => [SAVE_PLAN, { sipId: sip.sipId, input: plan({ needs: [] }) }],
      'input.needs',
      'name at least one need',
    ],
    [
      'savePlanVersion: no long-term goal',
      () => [SAVE_PLAN, { sipId: sip.sipId, input: plan({ goals: [planInput('', '').goals[0]] }) }],
      'input.goals',
      'name at least one short-term and one long-term goal',
    ],
    [
      'savePlanVersion: an intervention ending before it starts',
      () => [
        SAVE_PLAN,
        { sipId: sip.sipId, input: plan({ interventions: [{ ...intervention, endsOn: '2026-11-30' }] }) },
      ],
      'input.interventions.0.endsOn',
      'must not be before startsOn',
    ],
    [
      'savePlanVersion: an intervention without who judges it',
      () => [SAVE_PLAN, { sipId: sip.sipId, input: plan({ interventions: [{ ...intervention, evaluatedBy: '' }] }) }],
      'input.interventions.0.evaluatedBy',
      'must not be empty',
    ],
    [
      'savePlanVersion: a guardian as coordinator',
      () => [SAVE_PLAN, { sipId: sip.sipId, input: plan({ coordinatorId: sip.ids.guardians[0] }) }],
      'input.coordinatorId',
      'must be a staff participant of this SIP',
    ],
    [
      'savePlanVersion: a follow-up today',
      () => [SAVE_PLAN, { sipId: sip.sipId, input: plan({ followUpOn: '2026-11-23' }) }],
      'input.followUpOn',
      'must be after today',
    ],
    [
      'savePlanVersion: a bad coordinator e-mail',
      () => [SAVE_PLAN, { sipId: sip.sipId, input: plan({ coordinatorEmail: 'x@' }) }],
      'input.coordinatorEmail',
      'must be an e-mail address',
    ],
    [
      'savePlanVersion: decided at a pre-meeting',
      () => [SAVE_PLAN, { sipId: sip.sipId, input: plan({ meetingId: familyPreMeeting }) }],
      'input.meetingId',
      'must be a SIP or follow-up meeting of this SIP',
    ],
    [
      'savePlanVersion: before the family agreed',
      () => [SAVE_PLAN, { sipId: awaiting.sipId, input: plan({ coordinatorId: awaiting.initiator }) }],
      'sipId',
      'the family has not agreed to the SIP yet; record their answer first',
    ],
    [
      'closeSip: a reason the graph sets',
      () => [CLOSE, { sipId: sip.sipId, reason: 'CONSENT_WITHDRAWN', note: 'x' }],
      'reason',
      'CONSENT_WITHDRAWN cannot be chosen; it is recorded when a linked consent is withdrawn (withdrawConsent)',
    ],
    [
      'closeSip: no note',
      () => [CLOSE, { sipId: sip.sipId, reason: 'GOALS_MET', note: ' ' }],
      'note',
      'must not be empty',
    ],
  ];

  it.each(cases)('%s', async (_, operation, field, reason, as) => {
    const [query, variables] = operation();
    const before = await rowCounts(graph);
    expect(refusal(await graph.query(query, variables, as))).toEqual({ code: 'BAD_USER_INPUT', field, reason });
    expect(await rowCounts(graph)).toEqual(before);
  });

  it(
    'writes no plan before a consent is linked, nor ' + 'with an intervention by an agency that takes no part',
    async () => {
      const planFor = () => plan({ coordinatorId: awaiting.initiator });
      await ok(graph, ANSWER, { sipId: awaiting.sipId, answer: 'AGREED' });
      // The family agreed, but nothing may be exchanged before a consent is linked.
      expect(refusal(await graph.query(SAVE_PLAN, { sipId: awaiting.sipId, input: planFor() }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'sipId',
        reason: 'no consent linked to the SIP is in force; record the consent and link it first',
      });
      const { sip: read } = await ok(
        graph,
        `query ($id: ID!) { sip(id: $id) { child { id guardians { guardian { id } } } } }`,
        { id: awaiting.sipId },
      );
      // The family gives it in their app, in the SIP.
      await giveConsent(graph, {
        childId: read.child.id,
        guardianIds: read.child.guardians.map((g: any) => g.guardian.id),
        scopes: ['SCHOOL_ENROLMENT'],
        agencies: ['SCHOOL'],
        sipId: awaiting.sipId,
        ...WINDOW,
      });
      // Only the social worker takes part so far; the plan's intervention is the school's.
      expect(refusal(await graph.query(SAVE_PLAN, { sipId: awaiting.sipId, input: planFor() }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.interventions.0.agency',
        reason: 'no staff from this agency takes part in the SIP',
      });
    },
  );

  it('writes no plan version once the consent has expired', async () => {
    clock.set('2027-11-01T00:00:00.000Z');
    try {
      expect(
        refusal(await graph.query(SAVE_PLAN, { sipId: sip.sipId, input: plan({ followUpOn: '2028-01-01' }) })),
      ).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'sipId',
        reason: 'no consent linked to the SIP is in force; record the consent and link it first',
      });
    } finally {
      clock.set(NOW);
    }
  });

  it('moves a meeting still to come, then cancels it, after which it can be neither held nor moved', async () => {
    const RESCHEDULE = `mutation ($id: ID!, $input: MeetingTimeInput!) { rescheduleMeeting(meetingId: $id, input:
      $input) { startsAt endsAt mode place link cancelledAt } }`;
    const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelMeeting(meetingId: $id, reason: $reason) {
      cancelledAt cancellationReason } }`;
    const { scheduleMeeting } = await ok(graph, SCHEDULE, {
      input: {
        sipId: sip.sipId,
        kind: 'FAMILY_PRE_MEETING',
        startsAt: '2026-11-25T09:00:00Z',
        endsAt: '2026-11-25T10:00:00Z',
        mode: 'PHONE',
        chairId: sip.ids.socialWorker,
        invitedIds: [sip.ids.socialWorker, sip.ids.guardians[0]],
      },
    });
    const moved = {
      startsAt: '2026-11-26T13:00:00.000Z',
      endsAt: '2026-11-26T14:00:00.000Z',
      mode: 'DIGITAL',
      link: 'https://meet.example/x',
    };
    expect((await ok(graph, RESCHEDULE, { id: scheduleMeeting.id, input: moved })).rescheduleMeeting).toEqual({
      ...moved,
      place: null,
      cancelledAt: null,
    });
    expect(
      refusal(await graph.query(RESCHEDULE, { id: scheduleMeeting.id, input: { ...moved, endsAt: moved.startsAt } })),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endsAt', reason: 'must be after startsAt' });
    expect(refusal(await graph.query(CANCEL, { id: scheduleMeeting.id, reason: ' ' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
      reason: 'must not be empty',
    });
    expect(
      refusal(
        await graph.query(
          CANCEL,
          { id: scheduleMeeting.id, reason: 'Familjen är sjuk' },
          guardianClaims(child.custodianIds[0]),
        ),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      field: undefined,
      reason: 'only staff taking part in the SIP may cancel meetings',
    });

    expect((await ok(graph, CANCEL, { id: scheduleMeeting.id, reason: 'Familjen är sjuk' })).cancelMeeting).toEqual({
      cancelledAt: NOW,
      cancellationReason: 'Familjen är sjuk',
    });
    clock.set('2026-11-27T09:00:00.000Z');
    try {
      const cancelled = { code: 'BAD_USER_INPUT', field: 'meetingId', reason: 'the meeting is cancelled' };
      expect(
        refusal(await graph.query(HELD, { meetingId: scheduleMeeting.id, attendedIds: [sip.ids.socialWorker] })),
      ).toEqual(cancelled);
      expect(
        refusal(
          await graph.query(RESCHEDULE, {
            id: scheduleMeeting.id,
            input: { ...moved, startsAt: '2026-12-01T09:00:00Z', endsAt: '2026-12-01T10:00:00Z' },
          }),
        ),
      ).toEqual(cancelled);
    } finally {
      clock.set(NOW);
    }
  });

  it('closes the SIP when the family declines, with their reason, and then refuses every change', async () => {
    const other = await childWithRecords(graph, { born: '20110601', custodians: 1 });
    const { initiateSip } = await ok(graph, INITIATE, { input: initiate({ childId: other.id }) });
    const declined = await ok(
      graph,
      ANSWER,
      { sipId: initiateSip.id, answer: 'DECLINED', note: 'Vi får redan det stöd vi behöver.' },
      guardianClaims(other.custodianIds[0]),
    );
    expect(declined.recordFamilyAnswer).toEqual({
      id: initiateSip.id,
      status: 'CLOSED',
      closure: { reason: 'FAMILY_DECLINED', note: 'The family declined a SIP: Vi får redan det stöd vi behöver.' },
    });
    expect(refusal(await graph.query(ADD_PARTICIPANT, { sipId: initiateSip.id, input: STAFF.doctor }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'sipId',
      reason: 'the SIP is closed (FAMILY_DECLINED); it can no longer change',
    });
    // The work ended; a new initiative may be taken later.
    await ok(graph, INITIATE, { input: initiate({ childId: other.id }) });
  });

  it('links a consent recorded later, and carries the link to a new version of that consent', async () => {
    const newer = await giveConsent(graph, {
      childId: child.id,
      guardianIds: child.custodianIds,
      scopes: ['SCHOOL_ENROLMENT'],
      agencies: ['SCHOOL'],
      ...WINDOW,
      replacesConsentId: sip.consentId,
    });
    const { sip: read } = await ok(graph, `query ($id: ID!) { sip(id: $id) { consents { id status } } }`, {
      id: sip.sipId,
    });
    expect(read.consents).toEqual([
      { id: sip.consentId, status: 'REPLACED' },
      { id: newer, status: 'ACTIVE' },
    ]);
  });
});

describe('concurrent changes to one SIP', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph({ clock })));

  it('numbers two plan versions written at once 1 and 2', async () => {
    const child = await childWithRecords(graph, { born: '20120901', custodians: 1 });
    const sip = await activeSip(graph, child, WINDOW);
    const input = planInput(sip.ids.socialWorker, '2027-03-01');
    const responses = await Promise.all([
      graph.query(SAVE_PLAN, { sipId: sip.sipId, input }),
      graph.query(SAVE_PLAN, { sipId: sip.sipId, input }),
    ]);
    expect(responses.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(responses.map((r) => r.data!.savePlanVersion.number).sort()).toEqual([1, 2]);
  });

  it('opens one SIP when two initiatives for one child arrive at once', async () => {
    const child = await childWithRecords(graph, { born: '20121001', custodians: 1 });
    const input = {
      childId: child.id,
      questions: ['Fråga'],
      invitations: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }],
      initiatorTitle: 'socialsekreterare',
    };
    const responses = await Promise.all([graph.query(INITIATE, { input }), graph.query(INITIATE, { input })]);
    expect(responses.filter((r) => r.errors === undefined)).toHaveLength(1);
    expect(refusal(responses.find((r) => r.errors)!)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.childId',
      reason: 'the child already has an open SIP; work in that one',
    });
  });
});
