import { AGENCY_SUBGRAPHS, type Agency } from '../../../../policy/agencies.ts';
import { SHARED, type PlanCategory, type WithheldReason } from '../../../../policy/plan-content.ts';
import { CONSENT_SCOPES } from '../../../../policy/scopes.ts';
import type { SipParticipant } from '../process/sip.type.ts';
import type { PlanContentLeftOut } from './plan-entry.type.ts';

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

/** An entry as the copies write it: its text, and the category it comes from unless it is shared. */
export const entryLine = (text: string, category: PlanCategory) =>
  category === SHARED ? text : `${text} (${CONSENT_SCOPES[category].names.sv})`;

export const goalLine = (goal: { description: string; measure: string; category: PlanCategory }) =>
  entryLine(`${goal.description} (mäts genom: ${goal.measure})`, goal.category);

const SECTION_IN_SWEDISH = { NEEDS: 'behov', GOALS: 'mål', INTERVENTIONS: 'insatser', MEETING_NOTES: 'anteckningar' };

const REASON_IN_SWEDISH: Record<WithheldReason, string> = {
  BLOCKED: 'familjen har spärrat uppgifterna',
  NO_RELATION: 'du har ingen relation till barnet som ger rätt att se dem',
  NO_CONSENT: 'inget samtycke omfattar dem',
  SCOPE_NOT_COVERED: 'samtycket omfattar inte kategorin',
  RECIPIENT_NOT_COVERED: 'samtycket omfattar inte dig',
  GUARDIAN_MISSING: 'samtycket saknar en vårdnadshavares ja',
  CAME_OF_AGE: 'samtycket gavs av vårdnadshavarna och gäller inte sedan den unga fyllde 18',
  WITHDRAWN: 'samtycket är återkallat',
  NOT_YET_VALID: 'samtycket gäller inte ännu',
  EXPIRED: 'samtycket har gått ut',
  KEPT_FROM_GUARDIANS: 'den unga har bett att det inte visas',
};

/** What a reader's copy says when something was left out of it, and why; null when nothing was. */
export function leftOutNotice(leftOut: readonly PlanContentLeftOut[]): string | null {
  if (leftOut.length === 0) return null;
  const parts = leftOut.map(({ section, category, agency, count, reason }) => {
    const from = category === SHARED ? '' : `, kategori ${CONSENT_SCOPES[category].names.sv}`;
    const holder = agency ? ` (${AGENCY_NAMES[agency]})` : '';
    return `${count} ${SECTION_IN_SWEDISH[section]}${from}${holder}: ${REASON_IN_SWEDISH[reason]}`;
  });
  return `Delar av planen visas inte i din kopia. Utelämnat: ${parts.join('; ')}.`;
}

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
