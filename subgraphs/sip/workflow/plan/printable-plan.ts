import type { Child } from '../../consent-authority/children/child.type.ts';
import type { Sip, SipParticipant } from '../process/sip.type.ts';
import type { PlanVersion } from './plan-version.type.ts';
import {
  AGENCY_NAMES,
  escapeHtml as escape,
  entryLine,
  followUpLine,
  goalLine,
  leftOutNotice,
  personLine,
  stockholmTime,
  type FollowUpFound,
} from './plan-copy-words.ts';

export interface PrintablePlan {
  sip: Sip;
  child: Child;
  version: PlanVersion;
  participants: SipParticipant[];
  signatures: ReadonlyArray<{
    participantId: string;
    signedAt: Date;
    form: 'IN_APP' | 'PAPER';
    recordedBy: string | null;
  }>;
  awaiting: SipParticipant[];
  copyFor: string;
  printedAt: Date;
  /** What the follow-up this version was decided at found; empty otherwise. */
  startsFrom: readonly FollowUpFound[];
}

const STATUS_NAMES = { AWAITING_FAMILY: 'inväntar familjens svar', ACTIVE: 'pågående', CLOSED: 'avslutad' } as const;

const list = (items: string[]) =>
  items.length ? `<ul>${items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>` : '<p>–</p>';
const person = (p: SipParticipant) => escape(personLine(p));

/**
 * One participant's copy of a plan version as a self-contained HTML page (Swedish headings, the
 * form's order), ready for the browser's print dialog. It names the version and every signature,
 * so a printed copy shows exactly what was signed.
 */
export function renderPrintablePlan({
  sip,
  child,
  version,
  participants,
  signatures,
  awaiting,
  copyFor,
  printedAt,
  startsFrom,
}: PrintablePlan): string {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const coordinator = byId.get(version.coordinatorId);
  const goals = (term: 'SHORT' | 'LONG') => list(version.goals.filter((g) => g.term === term).map(goalLine));
  const row = (cells: string[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  const interventions = version.interventions
    .map((i) =>
      row([
        escape(i.what),
        `${escape(AGENCY_NAMES[i.agency])}, ${escape(i.unit)}<br>${escape(i.responsiblePerson)}`,
        escape(i.frequency),
        `${escape(i.startsOn)} – ${escape(i.endsOn ?? '')}`,
        escape(i.location),
        `${escape(i.evaluationMethod)} (${escape(i.evaluatedBy)})`,
      ]),
    )
    .join('');
  const notice = leftOutNotice(version.leftOut);
  const created = escape(stockholmTime.format(version.createdAt));
  const versionLine = `Version ${version.number}, upprättad ${created}. Status: ${escape(STATUS_NAMES[sip.status])}.`;
  const signedByAll = awaiting.length
    ? `<p>Väntar på underskrift av: ${awaiting.map(person).join('; ')}</p>`
    : '<p>Planen är underskriven av alla.</p>';
  const signed = signatures
    .map((s) => {
      const day = escape(stockholmTime.format(s.signedAt).slice(0, 10));
      const how =
        s.form === 'PAPER'
          ? `på papper ${day} (registrerad av ${escape(s.recordedBy)})`
          : escape(stockholmTime.format(s.signedAt));
      return `<li>${person(byId.get(s.participantId)!)}: ${how}</li>`;
    })
    .join('');
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8">
<title>SIP för ${escape(child.givenName)} ${escape(child.familyName)}, version ${version.number}</title>
<style>
body{font-family:sans-serif;max-width:50rem;margin:2rem auto}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #999;padding:.3rem;vertical-align:top;text-align:left}
@media print{body{margin:0}}
</style></head>
<body>
<h1>Samordnad individuell plan (SIP)</h1>
<p><strong>${escape(child.givenName)} ${escape(child.familyName)}</strong>, ${escape(child.personnummer)}</p>
<p>${versionLine}</p>
${notice ? `<p><strong>${escape(notice)}</strong></p>` : ''}
<h2>Frågeställningar</h2>${list(sip.questions)}
${startsFrom.length ? `<h2>Uppföljning av förra planen</h2>${list(startsFrom.map(followUpLine))}` : ''}
<h2>Behov</h2>${list(version.needs.map((need) => entryLine(need.text, need.category)))}
<h2>Mål på kort sikt</h2>${goals('SHORT')}
<h2>Mål på lång sikt</h2>${goals('LONG')}
<h2>Insatser</h2>
<table><tr><th>Vad</th><th>Vem</th><th>Hur ofta</th><th>När</th><th>Var</th><th>Uppföljning av resultat</th>
</tr>${interventions}</table>
<h2>Det här gör barnet och familjen själva</h2>${list(version.familyActions)}
<h2>Huvudansvarig</h2>
<p>${coordinator ? person(coordinator) : ''}<br>
${escape(version.coordinatorPhone)}, ${escape(version.coordinatorEmail)}</p>
<h2>Uppföljning</h2><p>${escape(version.followUpOn)}: ${escape(version.followUpHow)}</p>
${version.endCriteria ? `<h2>Avslut</h2><p>${escape(version.endCriteria)}</p>` : ''}
<h2>Kvarstående oenighet</h2>${list(version.disagreements)}
<h2>Deltagare</h2>${list(participants.map(personLine))}
<h2>Underskrifter</h2>${signed ? `<ul>${signed}</ul>` : '<p>Inga ännu.</p>'}
${signedByAll}
<footer><p>Kopia för ${escape(copyFor)}, utskriven ${escape(stockholmTime.format(printedAt))}.</p></footer>
</body></html>
`;
}
