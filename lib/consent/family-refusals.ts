import { AGENCY, type Agency } from '../../policy/agencies.ts';
import { CONSENT_SCOPES, isConsentScope, scopePhrase } from '../../policy/scopes.ts';
import type { DenialReason } from './consent-decision.ts';

const AGENCY_NAME = (agency: Agency) => AGENCY[agency].names.en;

export type FamilyReader = 'guardian' | 'child';

/**
 * A refusal in plain words for the family reading about their own child (or the child about
 * themselves): what the information is, who holds it and what they can do. The stable code and
 * reason stay in `extensions`; this is only the message.
 */
export function familyRefusal(reason: DenialReason | 'UNAVAILABLE', scope: string, reader: FamilyReader): string {
  const whose = reader === 'child' ? 'about you' : 'about your child';
  const known = isConsentScope(scope);
  const what = known ? scopePhrase(scope) : 'this information';
  const holder = known ? AGENCY_NAME(CONSENT_SCOPES[scope].agency as Agency) : 'the agency that holds it';
  switch (reason) {
    case 'UNAVAILABLE':
      return `This could not be checked just now, so it is not shown. Please try again in a while.`;
    case 'BLOCKED':
      return `Your family has blocked this information ${whose} (${what}). You can lift the block to share it again.`;
    case 'NO_RELATION':
      return (
        `The records ${whose} that ${holder} keeps (${what}) are not shown in this service. ` +
        `Ask ${holder} to see them; you have the right to read them there.`
      );
    case 'CAME_OF_AGE':
      return reader === 'child'
        ? `You are 18: the consent your guardians gave no longer counts. Give your own consent if ${holder} ` +
            `may share ${what} again.`
        : `Your child is 18 and decides alone; the consent you gave no longer counts.`;
    default:
      return `This information ${whose} (${what}) is not shared here under the consent your family has given.`;
  }
}
