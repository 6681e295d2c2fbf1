import { AGENCY_SUBGRAPHS, type Agency } from '../../../../policy/agencies.ts';
import type { SipParticipant } from '../process/sip.type.ts';

/** What the plan's copies (the printable page, the PDF, the child's summary) write alike, in Swedish. */

export const AGENCY_NAMES = Object.fromEntries(
  AGENCY_SUBGRAPHS.map((entry) => [entry.agency, entry.names.sv]),
) as Record<Agency, string>;

/** Date and time in Sweden, YYYY-MM-DD HH:MM. */
export const stockholmTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A participant as the copies name them: name, title, unit. */
export const personLine = (p: SipParticipant) => [p.name, p.title, p.unit].filter(Boolean).join(', ');

/** What a follow-up found about one intervention. */
export interface FollowUpFound {
  what: string;
  done: string;
  outcome: string;
  changes: string;
}

const OUTCOME_IN_SWEDISH: Record<string, string> = {
  WORKED: 'fungerade',
  PARTLY: 'fungerade delvis',
  DID_NOT_WORK: 'fungerade inte',
};

export const followUpLine = (f: FollowUpFound) =>
  `${f.what}: ${f.done} Det ${OUTCOME_IN_SWEDISH[f.outcome]}. Ändras: ${f.changes}`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Everything in a plan is typed by people; none of it may become markup. */
export const escapeHtml = (text: string | number | null | undefined) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
