/**
 * The graph words each item of the log review in English, by a pattern of its own per kind
 * (subgraphs/sip/consent-authority/audit/review-queue.ts); these read those patterns and say the same in Swedish.
 */
import type { ReviewKind } from '../../policy/review.ts';
import { AGENCIES, FORMS, READS, SCOPES } from './words.ts';

const scopes = (list: string) =>
  list
    .split(', ')
    .map((scope) => SCOPES[scope] ?? scope)
    .join(', ');
const sip = (id: string) => (id === '-' ? 'utanför en SIP' : `i SIP ${id}`);
const read = (kind: string, scope: string | undefined, fields: string) =>
  `${scope ? `Läste ${(SCOPES[scope] ?? scope).toLowerCase()}` : (READS[kind] ?? kind)}: ${fields}`;

type Say = (...parts: string[]) => string;

const DETAILS: Record<string, [RegExp, Say]> = {
  STAFF_RECORDED_CONSENT: [
    /^(\w+) consent recorded in SIP (\S+)$/,
    (form, id) => `Samtycke, ${FORMS[form] ?? form}, registrerat ${sip(id)}`,
  ],
  STAFF_LINKED_CONSENT: [
    /^consent (\S+) linked to SIP (\S+)$/,
    (consent, id) => `Samtycke ${consent} kopplat till SIP ${id} i efterhand`,
  ],
  STAFF_RECORDED_BLOCK: [/^(.*) blocked in SIP (\S+)$/s, (list, id) => `${scopes(list)} spärrat ${sip(id)}`],
  READ_WITHOUT_RELATION: [/^(\w+)(?: (\w+))?: (.*)$/s, read],
  READ_OUTSIDE_SIP: [/^(\w+)(?: (\w+))?: (.*)$/s, read],
  LOOKUP_BY_PERSONNUMMER: [/^purpose: (.*)$/s, (purpose) => `Syfte: ${purpose}`],
  LOOKUP_MISS: [
    /^personnummer (\S+), purpose: (.*)$/s,
    (personnummer, purpose) => `Personnummer ${personnummer}, ingen träff. Syfte: ${purpose}`,
  ],
  EMERGENCY_ACCESS: [
    /^(.*) until (\d{4}-\d{2}-\d{2} \d{2}:\d{2}): (.*) \(reads under it: (\d+)\)$/s,
    (list, until, reason, reads) => `${scopes(list)} till ${until}: ${reason} (läsningar under den: ${reads})`,
  ],
  MATURITY_ASSESSMENT: [
    /^judged mature enough in SIP (\S+): (.*)$/s,
    (id, reason) => `Bedömt moget ${sip(id)}: ${reason}`,
  ],
  SIP_REQUEST_REFUSED: [
    /^refused by (\w+), (.*?): (.*)$/s,
    (agency, unit, reason) => `Nekad av ${AGENCIES[agency] ?? agency}, ${unit}: ${reason}`,
  ],
  UNUSUAL_VOLUME: [/^(\d+) children read that day$/, (count) => `${count} barn lästa den dagen`],
} satisfies Record<ReviewKind, [RegExp, Say]>;

/** The item's detail in Swedish; null when the graph words it in a way these do not know (yet). */
export function reviewDetail(kind: string, detail: string): string | null {
  const [pattern, say] = DETAILS[kind] ?? [];
  const match = pattern && detail.match(pattern);
  return match ? say(...match.slice(1).map((part) => part ?? '')) : null;
}
