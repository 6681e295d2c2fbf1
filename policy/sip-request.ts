import type { Agency } from './agencies.ts';
import { isOfAge, speaksForThemselves } from './age.ts';
import { Role, isStaff, type Requester } from './roles.ts';
import type { Words } from './words.ts';

/**
 * A family may ask for a SIP (förfrågan), and the agencies may refuse only in exceptional cases
 * (SKR's and the source texts' reading of socialtjänstlagen and hälso- och sjukvårdslagen: "en
 * förfrågan får bara nekas i undantagsfall"). Who asks: a guardian with custody, or the child from
 * 15 in their own name; from 18, the young person alone. Returns why not, or null.
 */
export function sipRequestRefusal(
  requester: Requester,
  child: { childId: string; dateOfBirth: Date; custodianIds: readonly string[] },
  now: Date,
): string | null {
  if (requester.role === Role.Child) {
    if (requester.subject !== child.childId) return 'a child asks for a SIP for themselves only';
    return speaksForThemselves(child.dateOfBirth, now)
      ? null
      : 'a child asks for a SIP in their own name from 15; before that, a guardian with custody asks';
  }
  if (requester.role === Role.Guardian && child.custodianIds.includes(requester.subject))
    return isOfAge(child.dateOfBirth, now) ? 'from 18 the young person asks for a SIP themselves' : null;
  return 'only a guardian with custody, or the child from 15, asks for a SIP for the child';
}

/**
 * Who answers a request: staff of an agency the family asked. The one who accepts it starts the SIP
 * and takes part in it. Returns why not, or null.
 */
export const answeringRefusal = (requester: Requester, askedAgencies: readonly Agency[]): string | null =>
  isStaff(requester) && requester.agency !== null && askedAgencies.includes(requester.agency)
    ? null
    : 'only staff of an agency the family asked answer the request';

/** A refusal is the exception: it names its reason, which the family reads with how to complain. */
export const MIN_REFUSAL_REASON_LENGTH = 20;

/**
 * How the family has a refusal looked at again: by the agency's own complaints handling, and by the
 * supervisory authority (IVO for health care and social services; Skolinspektionen for school). An
 * agency without its own words here gets the general ones.
 */
const HOW_TO_COMPLAIN: Partial<Record<Agency, Words>> = {
  SCHOOL: {
    en:
      'Ask the school’s head (rektor) or the municipality’s complaints handling to look at the decision again. You ' +
      'can also report it to Skolinspektionen (the Swedish Schools Inspectorate).',
    sv:
      'Du kan be rektorn eller kommunens klagomålshantering att titta på beslutet igen. Du kan också anmäla det ' +
      'till Skolinspektionen.',
  },
  SOCIAL_SERVICES: {
    en:
      'Ask the social services unit’s manager, or the municipality’s complaints handling, to look at the decision ' +
      'again. You can also report it to IVO (the Health and Social Care Inspectorate).',
    sv:
      'Du kan be enhetschefen på socialtjänsten eller kommunens klagomålshantering att titta på beslutet igen. Du ' +
      'kan också anmäla det till IVO (Inspektionen för vård och omsorg).',
  },
  HEALTH_CARE: {
    en:
      'Ask the care unit’s manager to look at the decision again, or turn to the region’s patient advisory ' +
      'committee (patientnämnden). You can also report it to IVO (the Health and Social Care Inspectorate).',
    sv:
      'Du kan be vårdenhetens chef att titta på beslutet igen, eller vända dig till patientnämnden i regionen. Du ' +
      'kan också anmäla det till IVO (Inspektionen för vård och omsorg).',
  },
};

const ANY_AGENCY: Words = {
  en: 'Ask the agency’s manager, or its complaints handling, to look at the decision again.',
  sv: 'Du kan be verksamhetens chef eller dess klagomålshantering att titta på beslutet igen.',
};

export const howToComplain = (agency: Agency): Words => HOW_TO_COMPLAIN[agency] ?? ANY_AGENCY;
