/** The graph's codes as the family reads them: the console's words where they are the same, plainer where not. */
import { CONSENT_SCOPES } from '../../policy/scopes.ts';

export { AGENCIES, ROLES, SCOPE_DESCRIPTIONS, SCOPES, STATUSES } from '../../console/src/words.ts';

/** The agency that holds each category. */
export const SCOPE_AGENCY: Record<string, string> = Object.fromEntries(
  Object.entries(CONSENT_SCOPES).map(([scope, { agency }]) => [scope, agency]),
);

/** Why someone was not shown something, said to a parent. */
export const REFUSED_BECAUSE: Record<string, string> = {
  BLOCKED: 'ni har spärrat uppgifterna',
  NO_RELATION: 'hen arbetar inte med ditt barn',
  NO_CONSENT: 'det finns inget samtycke',
  SCOPE_NOT_COVERED: 'samtycket gäller inte de uppgifterna',
  RECIPIENT_NOT_COVERED: 'samtycket gäller inte hen',
  GUARDIAN_MISSING: 'alla vårdnadshavare har inte sagt ja',
  CAME_OF_AGE: 'barnet har fyllt 18 och bestämmer själv',
  WITHDRAWN: 'samtycket är återkallat',
  NOT_YET_VALID: 'samtycket gäller inte ännu',
  EXPIRED: 'samtycket har gått ut',
};

/** What a log entry was about when it was no category of data. */
export const READ_OF: Record<string, string> = {
  CROSS_AGENCY: 'uppgifter från en annan verksamhet',
  CHILD_IDENTITY: 'namn och personnummer',
  CHILD_CONSENTS: 'samtyckena',
};

export const SIP_STATUSES: Record<string, string> = {
  AWAITING_FAMILY: 'väntar på ert svar',
  ACTIVE: 'pågår',
  CLOSED: 'avslutad',
};

export const REQUEST_STATUSES: Record<string, string> = {
  WAITING: 'Väntar på svar',
  ACCEPTED: 'Ja, en SIP har startat',
  REFUSED: 'Nej',
};

export { day, when } from '../../web/dates.ts';
export { MEETING_KINDS } from '../../web/sip-words.ts';
