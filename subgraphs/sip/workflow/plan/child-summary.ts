import { swedishTimeOfDay } from '../../../../lib/periods.ts';
import type { Meeting as MeetingRow } from '../../../../prisma/sip/client/client.ts';
import type { SipParticipant } from '../process/sip.type.ts';
import { escapeHtml as escape } from './plan-copy-words.ts';
import type { PlanVersion } from './plan-version.type.ts';

export interface ChildSummaryFacts {
  childName: string;
  version: PlanVersion;
  participants: readonly SipParticipant[];
  meetings: readonly MeetingRow[];
  now: Date;
}

const day = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const localDay = (date: string) => day.format(new Date(`${date}T12:00:00Z`));

/**
 * The plan in a few plain Swedish sentences for the child: what will happen, what the child and
 * family do, who helps, and when we meet again. Short on purpose: the source texts ask that a child
 * who does not take part is told what was decided, as age and maturity allow.
 */
export function childSummary({ childName, version, participants, meetings, now }: ChildSummaryFacts) {
  const whatWillHappen = version.interventions.map((i) => `${i.what}, ${i.frequency}, ${i.location}.`);
  const coordinator = participants.find((p) => p.id === version.coordinatorId);
  const helpers = [
    ...new Set([
      ...version.interventions.map((i) => `${i.responsiblePerson} (${i.unit})`),
      ...(coordinator ? [`${coordinator.name}, som håller ihop planen`] : []),
    ]),
  ];
  const next = meetings
    .filter((m) => !m.cancelledAt && !m.heldAt && m.startsAt > now)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  const meetAgain = next
    ? `Nästa möte är ${day.format(next.startsAt)} klockan ${swedishTimeOfDay(next.startsAt)}.`
    : `Vi ska träffas och se hur det går senast ${localDay(version.followUpOn)}.`;
  const lines = [
    `Hej ${childName}!`,
    'Det här har vi bestämt tillsammans, för att det ska bli bättre för dig.',
    '',
    'Det här ska hända:',
    ...whatWillHappen.map((line) => `- ${line}`),
    ...(version.familyActions.length > 0
      ? ['', 'Det här gör du och din familj:', ...version.familyActions.map((action) => `- ${action}`)]
      : []),
    '',
    'De här hjälper dig:',
    ...helpers.map((helper) => `- ${helper}`),
    '',
    'Vi ses igen:',
    meetAgain,
    ...(coordinator ? ['', `Om du undrar något kan du prata med ${coordinator.name}.`] : []),
    // Said to staff reading the child's summary: the child's own copy leaves nothing out.
    ...(version.leftOut.length > 0 ? ['', 'En del av planen visas inte i den här kopian.'] : []),
  ];
  return { whatWillHappen, whoHelps: helpers, nextMeetingAt: next?.startsAt ?? null, text: lines.join('\n') };
}

/** The summary as one printable page, large and plain. */
export function childSummaryHtml(childName: string, text: string): string {
  const body = text
    .split('\n\n')
    .map((block) => {
      const [first, ...rest] = block.split('\n');
      const items = rest.filter((line) => line.startsWith('- ')).map((line) => `<li>${escape(line.slice(2))}</li>`);
      const others = rest.filter((line) => !line.startsWith('- ')).map((line) => `<p>${escape(line)}</p>`);
      const list = items.length ? `<ul>${items.join('')}</ul>` : '';
      return `<p><strong>${escape(first)}</strong></p>${others.join('')}${list}`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Min plan – ${escape(childName)}</title>
<style>body{font-family:sans-serif;font-size:1.3rem;line-height:1.5;max-width:36rem;margin:2rem auto}</style>
</head><body>
<h1>Min plan</h1>
${body}
</body></html>
`;
}
