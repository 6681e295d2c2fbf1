import { isOfAge } from './age.ts';
import { speaksForChild, type ConsentChildFacts } from './consent-provenance.ts';
import { hasRelation, takesPart, type ConsentRecipients, type Reader, type SipFacts } from './recipients.ts';
import { isFamily, Role, type Requester } from './roles.ts';

/**
 * The SIP core's own records of a child: their identity (name, personnummer, date of birth,
 * guardians) and their consents. What each read of them is: the family's own (not logged), or a
 * staff or privacy officer's read that is logged like a cross-agency read.
 */
export type ChildRecord = 'CHILD_IDENTITY' | 'CHILD_CONSENTS';

export interface ChildRecordFacts {
  childId: string;
  childDateOfBirth: Date;
  /** Every registered guardian, with or without custody. */
  guardianIds: readonly string[];
  sips: readonly SipFacts[];
  /** The consents that count now (consentsInEffect), for who they name. */
  consents: ReadonlyArray<{ recipients: ConsentRecipients }>;
  /** The requester looked the child up by exact personnummer in this request, stating a purpose. */
  lookedUp: boolean;
}

export type ChildRecordAccess = { granted: true; logged: boolean } | { granted: false; reason: string };

const REFUSED_STAFF =
  'staff see a child’s records only while they take part in one of the child’s SIPs, when a consent names them, ' +
  'or after looking the child up by personnummer with a purpose';

/**
 * Who reads a child's records in the SIP core. The family: a guardian their own child's until the
 * child is 18, the child their own. Staff: while they take part in one of the child's SIPs (open or
 * closed), when a consent that counts names them (consentsInEffect), or after looking the child up
 * by exact personnummer with a purpose; every such read is logged. A privacy officer reviews consents
 * (logged), and sees who a log entry is about in the log itself or after looking the child up by
 * personnummer with a purpose (logged, and an item of the log review like a staff lookup). There is
 * no listing of children.
 */
export function childRecordAccess(
  requester: Requester,
  record: ChildRecord,
  facts: ChildRecordFacts,
  at: Date,
): ChildRecordAccess {
  switch (requester.role) {
    case Role.Guardian:
      if (!facts.guardianIds.includes(requester.subject))
        return { granted: false, reason: "a guardian sees only their own child's records" };
      return isOfAge(facts.childDateOfBirth, at)
        ? { granted: false, reason: 'the young person is of age; their records are theirs alone' }
        : { granted: true, logged: false };
    case Role.Child:
      return requester.subject === facts.childId
        ? { granted: true, logged: false }
        : { granted: false, reason: 'a child sees only their own records' };
    case Role.PrivacyOfficer:
      return record === 'CHILD_CONSENTS' || facts.lookedUp
        ? { granted: true, logged: true }
        : {
            granted: false,
            reason:
              'a privacy officer sees who a log entry is about in the audit log, or looks the child up with a purpose',
          };
    default: {
      const reader: Reader = requester;
      const tookPart = facts.sips.some((sip) => sip.participants.some((p) => takesPart(p, reader, at)));
      return tookPart || facts.lookedUp || hasRelation([], facts.consents, reader, at)
        ? { granted: true, logged: true }
        : { granted: false, reason: REFUSED_STAFF };
    }
  }
}

/**
 * The family reads who read what about the child (loggutdrag): a guardian with custody, and the
 * child from 15, the same people who give and withdraw consent. Returns why not, or null.
 */
export const accessLogRefusal = (requester: Requester, child: ConsentChildFacts, now: Date): string | null =>
  speaksForChild(requester, child, now)
    ? null
    : 'a child’s access log is for a guardian with custody and the child from 15; privacy officers use consentAuditLog';

/**
 * Looking a child up by personnummer is for staff starting a SIP and for a privacy officer
 * reviewing; the family knows their own children and looks no one up.
 */
export const mayLookUpByPersonnummer = (requester: Requester): boolean => !isFamily(requester);

/**
 * How many lookups by personnummer one staff member or privacy officer may make in an hour. A
 * lookup is a door to a child no relation has opened yet: enough for a working day's new SIPs, too
 * few to go through a register. Every lookup, found or not, is logged; one that finds no child is an
 * item of the log review.
 */
export const MAX_LOOKUPS_PER_HOUR = 30;
