import type { Requester } from './roles.ts';

/**
 * What a privacy officer reviews in the log (systematisk logguppföljning): each kind of item, and
 * the threshold for unusual volume. Marking an item reviewed is itself kept, chained, and never
 * changed.
 */
export const REVIEW_KINDS = {
  /** A consent staff recorded on the family's word, rather than the family giving it. */
  STAFF_RECORDED_CONSENT: 'a consent recorded by staff on the family’s word',
  /** A consent staff linked to a SIP after it was given, which lets the SIP's staff read under it. */
  STAFF_LINKED_CONSENT: 'a consent linked to a SIP by staff',
  /** A block staff recorded on the family's word. */
  STAFF_RECORDED_BLOCK: 'a block recorded by staff on the family’s word',
  /** Staff with no relation to the child tried to read its data or identity (refused). */
  READ_WITHOUT_RELATION: 'a read by staff with no relation to the child (refused)',
  /** Staff taking part in none of the child's SIPs read its data or identity, under a consent naming them. */
  READ_OUTSIDE_SIP: 'a read granted to staff taking part in none of the child’s SIPs',
  /** Staff looked a child up by personnummer, stating a purpose. */
  LOOKUP_BY_PERSONNUMMER: 'a lookup of a child by personnummer',
  /** A lookup by personnummer that found no child: someone searched for a person the graph does not hold. */
  LOOKUP_MISS: 'a lookup by personnummer that found no child',
  /** Staff opened emergency access to a child's data; the item counts the reads made under it. */
  EMERGENCY_ACCESS: 'an emergency access opened without consent',
  /** Staff judged a child under 15 mature enough to keep parts of their sphere from their guardians. */
  MATURITY_ASSESSMENT: 'a child judged mature enough to keep things from their guardians before 15',
  /** Staff refused a family's request for a SIP, which may be done only in exceptional cases. */
  SIP_REQUEST_REFUSED: 'a family’s request for a SIP refused',
  /** One requester read more distinct children in one day than the threshold. */
  UNUSUAL_VOLUME: 'more children read by one person in one day than usual',
} as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;

/** More distinct children than this read by one person in one (Swedish) day is reviewed. */
export const DEFAULT_DAILY_CHILDREN_THRESHOLD = 20;

/**
 * Four eyes on the review itself: nobody marks their own act reviewed. A privacy officer's own
 * lookup by personnummer, say, waits for another privacy officer. Returns why not, or null.
 */
export const reviewRefusal = (reviewer: Requester, actorSubject: string): string | null =>
  reviewer.subject === actorSubject ? 'this is your own act: another privacy officer reviews it' : null;
