import { beforeEach, describe, expect, it } from 'vitest';
import { childWithRecords, settableClock, withdrawConsent, type TestChild } from '../../support/consent-fixtures.ts';
import {
  activeSip,
  ANSWER,
  CLOSE,
  guardianClaims,
  INITIATE,
  ok,
  SCHEDULE,
  sipInput,
  type ActiveSip,
} from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const SUMMONSES = `query ($id: ID!) { sip(id: $id) { meetings { id cancelledAt cancellationReason
  summonses { kind recipient { id name } subject body ics channel sentAt } } } }`;
const WISHES = `mutation ($sipId: ID!, $wishes: FamilyWishesInput!) { setFamilyWishes(sipId: $sipId, wishes: $wishes) {
  id } }`;

/** Summonses (kallelser): written for everyone invited when a meeting is booked, moved or cancelled. */
describe('summonses', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  let meetingId: string;
  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00.000Z');
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    sip = await activeSip(graph, child, { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' });
    await ok(graph, WISHES, {
      sipId: sip.sipId,
      wishes: { place: 'Hemma hos oss', interpreterLanguage: 'arabiska', breaks: 'Paus var 45:e minut' },
    });
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
        invitedIds: [sip.ids.socialWorker, sip.ids.counsellor, sip.ids.doctor, ...sip.ids.guardians],
      },
    });
    meetingId = scheduleMeeting.id;
  });
  const meeting = async (as: Parameters<TestGraph['query']>[2] = 'social worker') =>
    (await ok(graph, SUMMONSES, { id: sip.sipId }, as)).sip.meetings.find((m: any) => m.id === meetingId);

  it('sends each invited participant a summons in Swedish with an iCalendar invitation', async () => {
    const { summonses } = await meeting();
    expect(summonses.map((s: any) => s.recipient.id).sort()).toEqual(
      [sip.ids.socialWorker, sip.ids.counsellor, sip.ids.doctor, ...sip.ids.guardians].sort(),
    );
    const toCounsellor = summonses.find((s: any) => s.recipient.id === sip.ids.counsellor);
    expect(toCounsellor).toMatchObject({ kind: 'BOOKED', channel: 'GRAPH', sentAt: '2026-11-23T09:00:00.000Z' });
    expect(toCounsellor.subject).toMatch(
      /^Kallelse: SIP-möte om Testbarns SIP, måndag 30 november 2026 kl\. 14:00–15:30/,
    );
    for (const text of [
      'Hej Karin Kurator!',
      'Plats: Familjecentralen, rum 2',
      'Länk: https://meet.example/sip-123',
      '- Hur får Testbarn en fungerande skolgång?',
      '- Karin Kurator (kurator, Ekbackens skola), sekreterare',
      '- tolk: arabiska',
      '- pauser: Paus var 45:e minut',
    ])
      expect(toCounsellor.body).toContain(text);
    expect(toCounsellor.ics).toMatch(/BEGIN:VCALENDAR[\s\S]*METHOD:REQUEST[\s\S]*UID:[0-9a-f-]+@sip-graph/);
    // In UTC: calendars show it in each reader's own time zone.
    expect(toCounsellor.ics).toContain('DTSTART:20261130T130000Z');

    // The family sees what was sent to them, not the others' copies.
    const family = await meeting(guardianClaims(child.custodianIds[0]));
    expect(family.summonses.map((s: any) => s.recipient.id)).toEqual(sip.ids.guardians);
  });

  it('sends a new summons when the meeting is moved, and a cancellation when it is called off', async () => {
    clock.set('2026-11-24T09:00:00.000Z');
    await ok(
      graph,
      `mutation ($id: ID!, $input: MeetingTimeInput!) { rescheduleMeeting(meetingId: $id, input: $input) { id } }`,
      {
        id: meetingId,
        input: {
          startsAt: '2026-12-01T08:00:00Z',
          endsAt: '2026-12-01T09:00:00Z',
          mode: 'DIGITAL',
          link: 'https://m/2',
        },
      },
    );
    clock.set('2026-11-25T09:00:00.000Z');
    await ok(graph, `mutation ($id: ID!) { cancelMeeting(meetingId: $id, reason: "Läkaren är sjuk") { id } }`, {
      id: meetingId,
    });
    const toChair = (await meeting()).summonses.filter((s: any) => s.recipient.id === sip.ids.socialWorker);
    expect(toChair.map((s: any) => s.kind)).toEqual(['BOOKED', 'MOVED', 'CANCELLED']);
    expect(toChair[1].body).toContain('Länk: https://m/2');
    expect(toChair[1].ics).toContain('SEQUENCE:1');
    expect(toChair[2].body).toContain('Anledning: Läkaren är sjuk');
    for (const line of ['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:2']) expect(toChair[2].ics).toContain(line);
  });

  it('cancels the meetings still to come when the SIP is closed, and tells everyone invited why', async () => {
    await ok(graph, CLOSE, { sipId: sip.sipId, reason: 'GOALS_MET', note: 'Skolgången fungerar nu' });
    const closed = await meeting();
    expect(closed).toMatchObject({
      cancelledAt: '2026-11-23T09:00:00.000Z',
      cancellationReason: 'SIP:en har avslutats: Skolgången fungerar nu',
    });
    const cancellations = closed.summonses.filter((s: any) => s.kind === 'CANCELLED');
    expect(cancellations).toHaveLength(4);
    expect(cancellations[0].body).toContain('Anledning: SIP:en har avslutats: Skolgången fungerar nu');
  });

  it('cancels them when the family withdraws the consent that closes the SIP', async () => {
    await withdrawConsent(graph, sip.consentId, guardianClaims(child.custodianIds[0]));
    expect(await meeting()).toMatchObject({
      cancelledAt: '2026-11-23T09:00:00.000Z',
      cancellationReason: 'Samtycket har återkallats, och SIP:en har avslutats.',
    });
  });

  it('cancels the pre-meeting when the family declines a SIP', async () => {
    const other = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const { initiateSip } = await ok(graph, INITIATE, { input: sipInput(other.id) });
    const guardian = initiateSip.participants.find((p: any) => p.kind === 'GUARDIAN');
    const { scheduleMeeting } = await ok(graph, SCHEDULE, {
      input: {
        sipId: initiateSip.id,
        kind: 'FAMILY_PRE_MEETING',
        startsAt: '2026-11-25T13:00:00Z',
        endsAt: '2026-11-25T14:00:00Z',
        mode: 'PHONE',
        chairId: initiateSip.participants.find((p: any) => p.isInitiator).id,
        invitedIds: [initiateSip.participants.find((p: any) => p.isInitiator).id, guardian.id],
      },
    });
    await ok(graph, ANSWER, { sipId: initiateSip.id, answer: 'DECLINED', note: 'Vi klarar oss själva' });
    const meetings = (await ok(graph, SUMMONSES, { id: initiateSip.id })).sip.meetings;
    expect(meetings.find((m: any) => m.id === scheduleMeeting.id)).toMatchObject({
      cancellationReason: 'Familjen har tackat nej till SIP: Vi klarar oss själva',
    });
  });

  it('leaves meetings already held as they were', async () => {
    clock.set('2026-11-30T15:00:00.000Z');
    await ok(graph, CLOSE, { sipId: sip.sipId, reason: 'NO_LONGER_NEEDED', note: 'Behövs inte längre' });
    expect(await meeting()).toMatchObject({ cancelledAt: null });
  });
});
