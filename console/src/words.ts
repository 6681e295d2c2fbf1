/** What the graph's codes are called in the console. */

export const AGENCIES: Record<string, string> = {
  SCHOOL: 'Skola',
  SOCIAL_SERVICES: 'Socialtjänst',
  HEALTH_CARE: 'Hälso- och sjukvård',
};

export const SCOPES: Record<string, string> = {
  SCHOOL_ENROLMENT: 'Skolplacering',
  SCHOOL_ATTENDANCE: 'Närvaro och frånvaro',
  SCHOOL_SUPPORT: 'Extra anpassningar och särskilt stöd',
  SCHOOL_HEALTH_TEAM: 'Elevhälsan',
  SOCIAL_CASE: 'Ärende hos socialtjänsten',
  SOCIAL_INTERVENTIONS: 'Insatser (SoL/LSS)',
  SOCIAL_CASE_NOTES: 'Utredningar',
  SOCIAL_PLACEMENTS: 'Placeringar',
  HEALTH_CARE_CONTACTS: 'Vårdkontakter',
  HEALTH_DIAGNOSES: 'Diagnoser',
  HEALTH_MEDICATION: 'Behandlingar och läkemedel',
  HEALTH_REFERRALS: 'Remisser',
};

export const REASONS: Record<string, string> = {
  BLOCKED: 'spärrat av familjen',
  NO_RELATION: 'ingen relation till barnet',
  NO_CONSENT: 'inget samtycke',
  SCOPE_NOT_COVERED: 'kategorin omfattas inte',
  RECIPIENT_NOT_COVERED: 'mottagaren omfattas inte',
  GUARDIAN_MISSING: 'en vårdnadshavare saknas',
  WITHDRAWN: 'samtycket är återkallat',
  NOT_YET_VALID: 'samtycket gäller inte ännu',
  EXPIRED: 'samtycket har gått ut',
};

export const RELEASES: Record<string, string> = {
  RELEASED: 'lämnades ut',
  WITHHELD: 'hölls inne ändå',
  UNCONFIRMED: 'ej bekräftad',
  NOT_RELEASED: 'lämnades inte ut',
};

export const REVIEW_KINDS: Record<string, string> = {
  STAFF_RECORDED_CONSENT: 'Samtycke registrerat av personal',
  STAFF_RECORDED_BLOCK: 'Spärr registrerad av personal',
  READ_WITHOUT_RELATION: 'Läsning utan relation (nekad)',
  READ_OUTSIDE_SIP: 'Läsning utanför barnets SIP',
  LOOKUP_BY_PERSONNUMMER: 'Sökning på personnummer',
  EMERGENCY_ACCESS: 'Nödåtkomst',
  UNUSUAL_VOLUME: 'Ovanligt många barn på en dag',
};

export const STATUSES: Record<string, string> = {
  ACTIVE: 'gäller',
  REPLACED: 'ersatt av en ny version',
  WITHDRAWN: 'återkallat',
  EXPIRED: 'utgånget',
  NOT_YET_VALID: 'gäller ännu inte',
};

export const FORMS: Record<string, string> = { WRITTEN: 'skriftligt', ORAL: 'muntligt', IN_APP: 'i appen' };

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});
export const when = (iso: string | null | undefined) => (iso ? stockholm.format(new Date(iso)) : '–');

export const options = (names: Record<string, string>) =>
  Object.entries(names).map(([value, label]) => ({ value, label }));
