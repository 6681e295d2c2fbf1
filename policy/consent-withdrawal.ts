import { OWN_CONSENT_AGE, speaksForThemselves } from './age.ts';
import { Role, type Requester } from './roles.ts';

export interface WithdrawalFacts {
  childId: string;
  childDateOfBirth: Date;
  custodianIds: readonly string[];
}

/**
 * Who may withdraw a consent: a guardian with custody of the child, the child from 15, or staff
 * recording the family's word. A privacy officer reviews consents but does not withdraw them.
 * Returns why the requester may not, or null.
 */
export function withdrawalRefusal(requester: Requester, facts: WithdrawalFacts, now: Date): string | null {
  switch (requester.role) {
    case Role.PrivacyOfficer:
      return 'a privacy officer reviews consents but does not withdraw them';
    case Role.Guardian:
      return facts.custodianIds.includes(requester.subject)
        ? null
        : "only a guardian with custody of the child may withdraw the child's consent";
    case Role.Child:
      return requester.subject === facts.childId && speaksForThemselves(facts.childDateOfBirth, now)
        ? null
        : `a child may withdraw their own consent from ${OWN_CONSENT_AGE}`;
    default:
      return null;
  }
}
