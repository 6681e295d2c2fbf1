import { describe, expect, it, beforeAll } from 'vitest';
import { UNREACHABLE_DOMAIN } from '../../../standins/mail/mail-stand-in.ts';
import { retryDelayMs } from '../../../subgraphs/sip/workflow/meetings/summons-delivery.ts';
import { registerTestChild, settableClock } from '../../support/consent-fixtures.ts';
import { activeSip, ADD_PARTICIPANT, ok, SCHEDULE, type ActiveSip } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const clock = settableClock('2026-11-23T09:00:00.000Z');
const DELIVERIES = `query ($id: ID!) { sip(id: $id) { meetings { summonses { recipient { name } kind
  delivery { channel address state attempts lastError sentAt } } } } }`;

/** Summonses reach people by e-mail, from an outbox written with them, sent after commit and retried. */
describe('summonses delivered by e-mail', () => {
  let graph: TestGraph;
  let sip: ActiveSip;
  const withEmail = (name: string, email: string, subject: string) => ({
    kind: 'STAFF',
    subject,
    name,
    agency: 'SCHOOL',
    unit: 'Ekbackens skola',
    title: 'mentor',
    email,
  });
  const deliveries = async () =>
    (await ok(graph, DELIVERIES, { id: sip.sipId })).sip.meetings.flatMap(
      (meeting: { summonses: unknown[] }) => meeting.summonses,
    );

  beforeAll(async () => {
    graph = await startTestGraph({ clock, seed: false });
    const child = await registerTestChild(graph, { born: '20120301', custodians: 1 });
    sip = await activeSip(graph, child, { validFrom: '2026-11-01T00:00:00Z', validUntil: '2027-11-01T00:00:00Z' });
  });

  it('sends each invited participant with an address the summons, with the invitation attached', async () => {
    const mentor = (
      await ok(graph, ADD_PARTICIPANT, {
        sipId: sip.sipId,
        input: withEmail('Mia Mentor', 'mia.mentor@skola.example', 'staff-school-ekbacken-9'),
      })
    ).addParticipant.id;
    await ok(graph, SCHEDULE, {
      input: {
        sipId: sip.sipId,
        kind: 'AGENCY_PRE_MEETING',
        startsAt: '2026-11-30T09:00:00Z',
        endsAt: '2026-11-30T10:00:00Z',
        mode: 'DIGITAL',
        link: 'https://meet.example/pre',
        chairId: sip.ids.socialWorker,
        invitedIds: [sip.ids.socialWorker, mentor],
      },
    });
    await expect
      .poll(() => graph.mail!.messages().filter((m) => m.to.includes('mia.mentor@skola.example')), {
        timeout: 30_000,
      })
      .toHaveLength(1);
    const [sent] = graph.mail!.messages().filter((m) => m.to.includes('mia.mentor@skola.example'));
    expect(sent.subject).toMatch(/^Kallelse: förmöte mellan verksamheterna om Testbarns SIP/);
    expect(sent.text).toContain('Hej Mia Mentor!');
    expect(sent.calendar).toMatch(/METHOD:REQUEST/);
    expect(sent.calendar).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:20261130T090000Z/);
    await expect
      .poll(async () => (await deliveries()).find((s: any) => s.recipient.name === 'Mia Mentor')?.delivery, {
        timeout: 30_000,
      })
      .toMatchObject({ channel: 'EMAIL', address: 'mia.mentor@skola.example', state: 'SENT', attempts: 1 });
    // Those without an address read theirs in the graph only.
    expect((await deliveries()).find((s: any) => s.recipient.name === 'Eva Sundberg').delivery).toBeNull();
  });

  it('tries again later, with the reason shown, when the recipient’s server refuses it', async () => {
    const unknown = (
      await ok(graph, ADD_PARTICIPANT, {
        sipId: sip.sipId,
        input: withEmail('Okänd Mottagare', `finns.inte@${UNREACHABLE_DOMAIN}`, 'staff-school-ekbacken-8'),
      })
    ).addParticipant.id;
    await ok(graph, SCHEDULE, {
      input: {
        sipId: sip.sipId,
        kind: 'AGENCY_PRE_MEETING',
        startsAt: '2026-12-01T09:00:00Z',
        endsAt: '2026-12-01T10:00:00Z',
        mode: 'DIGITAL',
        link: 'https://meet.example/pre2',
        chairId: sip.ids.socialWorker,
        invitedIds: [sip.ids.socialWorker, unknown],
      },
    });
    await expect
      .poll(async () => (await deliveries()).find((s: any) => s.recipient.name === 'Okänd Mottagare')?.delivery, {
        timeout: 30_000,
      })
      .toMatchObject({ state: 'QUEUED', attempts: 1, lastError: expect.stringContaining('550'), sentAt: null });
  });

  it('waits longer after each failure, up to an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(60 * 60_000);
  });
});
