import { Role, type Requester } from './roles.ts';
import { isCurrent, type ParticipantFacts } from './sip-access.ts';

/**
 * The child's own views (barnets röst): the Convention on the Rights of the Child, art. 12 (Swedish
 * law since 2020), and the source texts: the child takes part "på det sätt som passar den bäst" and
 * is heard. At any age the child writes what they think, before or after a meeting, into their open
 * SIP, and chooses who taking part reads it; nobody else does, not even their guardians unless chosen.
 */

/** Who writes a view: the child the SIP is about, in their own name, while it is open. Returns why not, or null. */
export function childViewRefusal(requester: Requester, sip: { childId: string; closedAt: Date | null }): string | null {
  if (requester.role !== Role.Child || requester.subject !== sip.childId)
    return 'only the child the SIP is about writes their views';
  return sip.closedAt === null ? null : 'the SIP is closed';
}

/** Who reads a view: the child, and the participants the child chose, while they take part. */
export function readsChildView(
  requester: Requester,
  view: { childId: string; sharedWith: readonly string[] },
  participants: ReadonlyArray<ParticipantFacts & { id: string }>,
  now: Date,
): boolean {
  if (requester.role === Role.Child) return requester.subject === view.childId;
  return participants.some(
    (p) => p.subject === requester.subject && isCurrent(p, now) && view.sharedWith.includes(p.id),
  );
}
