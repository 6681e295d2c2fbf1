import type { Agency } from './agencies.ts';
import { isStaff, type Requester } from './roles.ts';

/**
 * A unit learns that it is invited to a child's SIP only once the family agreed to the SIP, and
 * while it is open: before that, the family has not said yes to these agencies meeting about the
 * child, and the invitation would itself tell another agency about the child.
 */
export const invitationReachesUnit = (sip: { familyAnswer: string | null; closedAt: Date | null }): boolean =>
  sip.familyAnswer === 'AGREED' && sip.closedAt === null;

/**
 * Who answers an invitation: staff of the invited unit (both agency and unit as their token names
 * them). Practice guidance: the summoned organisation names who attends, and forwards an invitation
 * that reached the wrong unit. Returns why not, or null.
 */
export const invitationAnswerRefusal = (requester: Requester, invitation: { agency: Agency; unit: string }) =>
  isStaff(requester) && requester.agency === invitation.agency && requester.unit === invitation.unit
    ? null
    : 'only staff of the invited unit answer its invitation';

/** A unit that declines says why, in words the coordinator and the family read. */
export const MIN_DECLINE_REASON_LENGTH = 20;
