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

/**
 * Which units staff may invite once the SIP is under way: another unit of an agency the family
 * already agreed to meet (the SIP's own agencies: the initiator's and those invited when the family
 * answered). A new agency would learn about the child on staff's word alone; the family decides who
 * is invited. Returns why not, or null.
 */
export const laterInvitationRefusal = (agency: Agency, agreedAgencies: readonly Agency[]): string | null =>
  agreedAgencies.includes(agency)
    ? null
    : 'the family agreed to the SIP with the agencies invited then; another agency needs their word first';
