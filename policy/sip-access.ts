import { Role, type Requester } from './roles.ts';
import { isOfAge, speaksForThemselves } from './age.ts';

/** A participant of a SIP, as the rule sees it. */
export interface ParticipantFacts {
  subject: string | null;
  kind: 'STAFF' | 'GUARDIAN' | 'CHILD' | 'RELATIVE';
  /** A removed participant no longer takes part from this instant. */
  removedAt: Date | null;
}

/** Whether a participant still takes part at `now`. */
export const isCurrent = (participant: ParticipantFacts, now: Date): boolean =>
  participant.removedAt === null || participant.removedAt > now;

/** How a requester stands to one SIP; null means they may not see it. */
export type SipRole<P extends ParticipantFacts = ParticipantFacts> =
  { kind: 'staff'; participant: P } | { kind: 'family'; participant: P | null };

/** What deciding a requester's role needs to know about a SIP. */
export interface SipRoleFacts<P extends ParticipantFacts> {
  childId: string;
  childDateOfBirth: Date;
  custodianIds: readonly string[];
  participants: readonly P[];
}

/**
 * The plan's access rule: staff who take part in the SIP, the child from 15, and until the child is
 * 18 the guardians with custody and a guardian invited as a participant. Everyone else (other staff,
 * removed participants, privacy officers, a younger child, a guardian once the child is of age) is
 * refused.
 */
export function sipRoleOf<P extends ParticipantFacts>(
  requester: Requester,
  facts: SipRoleFacts<P>,
  now: Date,
): SipRole<P> | null {
  const participant = facts.participants.find((p) => p.subject === requester.subject && isCurrent(p, now)) ?? null;
  switch (requester.role) {
    case Role.PrivacyOfficer:
      return null;
    case Role.Guardian:
      // Custody ends at 18, and with it a guardian's place in the young person's SIP.
      if (isOfAge(facts.childDateOfBirth, now)) return null;
      return participant?.kind === 'GUARDIAN' || facts.custodianIds.includes(requester.subject)
        ? { kind: 'family', participant }
        : null;
    case Role.Child:
      return requester.subject === facts.childId && speaksForThemselves(facts.childDateOfBirth, now)
        ? { kind: 'family', participant }
        : null;
    default:
      return participant?.kind === 'STAFF' ? { kind: 'staff', participant } : null;
  }
}

/**
 * Participants who sign a version, while they take part: everyone ("alla skriver under"): staff,
 * guardians, relatives the family invited, and the child from 15. A relative has no login, so
 * staff record their signature given on paper.
 */
export function isSigner(participant: ParticipantFacts, childDateOfBirth: Date, now: Date): boolean {
  if (!isCurrent(participant, now)) return false;
  if (participant.kind !== 'CHILD') return true;
  return speaksForThemselves(childDateOfBirth, now);
}

/**
 * The plan's summary written for the child (what will happen, who helps, when we meet again) is the
 * child's to read through the graph at any age their guardians allow, and always from 15, when they
 * see the whole SIP. Whoever sees the SIP sees the summary too.
 */
export const childMayReadSummary = (childDateOfBirth: Date, allowedByGuardians: boolean, now: Date): boolean =>
  allowedByGuardians || speaksForThemselves(childDateOfBirth, now);

/** What deciding who answers SIP-kollen needs to know about a SIP. */
export interface FeedbackFacts {
  childId: string;
  custodianIds: readonly string[];
  participants: readonly ParticipantFacts[];
}

/**
 * SIP-kollen, the family's say on how a meeting went, is answered by the child (at any age: it is
 * their meeting) and by their guardians: those with custody and a guardian invited to take part.
 * Staff do not answer it.
 */
export const answersSipFeedback = (requester: Requester, facts: FeedbackFacts): boolean =>
  (requester.role === Role.Child && requester.subject === facts.childId) ||
  (requester.role === Role.Guardian &&
    (facts.custodianIds.includes(requester.subject) ||
      facts.participants.some((p) => p.kind === 'GUARDIAN' && p.subject === requester.subject)));

/** Only a guardian with custody decides whether the child reads the plan's summary before 15. */
export const decidesWhatChildReads = (requester: Requester, custodianIds: readonly string[]): boolean =>
  requester.role === Role.Guardian && custodianIds.includes(requester.subject);

/** The plans' summaries a requester reads as the child they are about: only a child, only their own. */
export const readsOwnPlanSummaries = (requester: Requester): boolean => requester.role === Role.Child;
