/** What the graph's codes are called in the console. */
import { AGENCY_SUBGRAPHS } from '../../policy/agencies.ts';
import type { ConsentStatus, DenialReason } from '../../policy/consent-rule.ts';
import type { ReviewKind } from '../../policy/review.ts';
import type { Role, STAFF_ROLES } from '../../policy/roles.ts';
import { CONSENT_SCOPES } from '../../policy/scopes.ts';

// Agencies' and categories' names come from the policy's one vocabulary (policy/words.ts), where a code without a
// Swedish name is a type error. Where policy/ holds only the codes, the table here is checked against them
// (`satisfies`). Each is looked up by whatever string the graph answers with.
export const AGENCIES: Record<string, string> = Object.fromEntries(
  AGENCY_SUBGRAPHS.map((entry) => [entry.agency, entry.names.sv]),
);

export const SCOPES: Record<string, string> = Object.fromEntries(
  Object.entries(CONSENT_SCOPES).map(([scope, entry]) => [scope, entry.names.sv]),
);

/** What each category covers, in Swedish, from the same catalogue the schema's English comes from. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = Object.fromEntries(
  Object.entries(CONSENT_SCOPES).map(([scope, entry]) => [scope, entry.descriptions.sv]),
);

export const REASONS: Record<string, string> = {
  BLOCKED: 'spärrat av familjen',
  NO_RELATION: 'ingen relation till barnet',
  NO_CONSENT: 'inget samtycke',
  SCOPE_NOT_COVERED: 'kategorin omfattas inte',
  RECIPIENT_NOT_COVERED: 'mottagaren omfattas inte',
  GUARDIAN_MISSING: 'en vårdnadshavare saknas',
  CAME_OF_AGE: 'den unga har fyllt 18 och samtycker själv',
  WITHDRAWN: 'samtycket är återkallat',
  NOT_YET_VALID: 'samtycket gäller inte ännu',
  EXPIRED: 'samtycket har gått ut',
} satisfies Record<DenialReason, string>;

export const RELEASES: Record<string, string> = {
  RELEASED: 'lämnades ut',
  WITHHELD: 'hölls inne ändå',
  UNCONFIRMED: 'ej bekräftad',
  NOT_RELEASED: 'lämnades inte ut',
};

export const REVIEW_KINDS: Record<string, string> = {
  STAFF_RECORDED_CONSENT: 'Samtycke registrerat av personal',
  STAFF_LINKED_CONSENT: 'Samtycke kopplat till en SIP av personal',
  STAFF_RECORDED_BLOCK: 'Spärr registrerad av personal',
  READ_WITHOUT_RELATION: 'Läsning utan relation (nekad)',
  READ_OUTSIDE_SIP: 'Läsning utanför barnets SIP',
  LOOKUP_BY_PERSONNUMMER: 'Sökning på personnummer',
  LOOKUP_MISS: 'Sökning på personnummer utan träff',
  EMERGENCY_ACCESS: 'Nödåtkomst',
  MATURITY_ASSESSMENT: 'Barn under 15 bedömt moget att hålla uppgifter från vårdnadshavare',
  SIP_REQUEST_REFUSED: 'En familjs begäran om SIP nekad',
  UNUSUAL_VOLUME: 'Ovanligt många barn på en dag',
} satisfies Record<ReviewKind, string>;

/** What a log entry read (the graph's AuditedRead), when it was no category of another agency's data. */
export const READS: Record<string, string> = {
  CROSS_AGENCY: 'Läsning av en annan verksamhets uppgifter',
  CHILD_IDENTITY: 'Identitet',
  CHILD_CONSENTS: 'Samtycken',
};

export const ROLES: Record<string, string> = {
  guardian: 'vårdnadshavare',
  child: 'barnet',
  privacy_officer: 'dataskyddsombud',
  teacher: 'lärare',
  principal: 'rektor',
  special_educator: 'specialpedagog',
  school_counsellor: 'skolkurator',
  school_nurse: 'skolsköterska',
  school_psychologist: 'skolpsykolog',
  school_doctor: 'skolläkare',
  social_worker: 'socialsekreterare',
  family_therapist: 'familjebehandlare',
  doctor: 'läkare',
  nurse: 'sjuksköterska',
  psychologist: 'psykolog',
  therapist: 'terapeut',
} satisfies Record<(typeof STAFF_ROLES)[number] | (typeof Role)[keyof typeof Role], string>;

export const STATUSES: Record<string, string> = {
  ACTIVE: 'gäller',
  REPLACED: 'ersatt av en ny version',
  WITHDRAWN: 'återkallat',
  CAME_OF_AGE: 'gäller inte längre: den unga har fyllt 18',
  PENDING: 'väntar på en vårdnadshavare',
  EXPIRED: 'utgånget',
  NOT_YET_VALID: 'gäller ännu inte',
} satisfies Record<ConsentStatus, string>;

export const FORMS: Record<string, string> = { WRITTEN: 'skriftligt', ORAL: 'muntligt', IN_APP: 'i appen' };

const NOT_STAFF = new Set<string>(['guardian', 'child', 'privacy_officer'] satisfies Array<
  (typeof Role)[keyof typeof Role]
>);

/**
 * Someone the graph names by id only: "personal", with their role or agency where known, or the family's or the
 * officer's role; never the id, which tells a reader nothing and is not the console's to show.
 */
export const staffMember = ({ role, agency }: { role?: string | null; agency?: string | null }) => {
  if (role && NOT_STAFF.has(role)) return ROLES[role];
  const known = (role && ROLES[role]) || (agency && AGENCIES[agency]?.toLowerCase());
  return known ? `personal (${known})` : 'personal';
};

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});
export const when = (iso: string | null | undefined) => (iso ? stockholm.format(new Date(iso)) : '–');

export const options = (names: Record<string, string>) =>
  Object.entries(names).map(([value, label]) => ({ value, label }));
