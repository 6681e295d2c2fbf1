import type { Agency } from './agencies.ts';

/** A staff member reading, as the rule sees them at the instant of the read (from their token). */
export interface Reader {
  subject: string;
  /** Null for a guardian, a child or a privacy officer: they are never a consent's recipient. */
  agency: Agency | null;
  unit: string | null;
}

/** A unit, or one person at a unit, named as a recipient. */
export interface NamedRecipient {
  agency: Agency;
  unit: string;
  /** Null: anyone at the unit. */
  subject: string | null;
}

/** Who receives under a consent. The default is the people taking part in the plan. */
export interface ConsentRecipients {
  /** The staff taking part in the open SIPs the consent is linked to, at their unit, while they take part. */
  toSipParticipants: boolean;
  named: NamedRecipient[];
  /** Whole agencies: a broader choice, recorded as such and shown to the family. */
  wholeAgencies: Agency[];
}

export interface ParticipationFacts {
  kind: 'STAFF' | 'GUARDIAN' | 'CHILD' | 'RELATIVE';
  subject: string | null;
  agency: Agency | null;
  unit: string | null;
  addedAt: Date;
  removedAt: Date | null;
}

export interface SipFacts {
  id: string;
  closedAt: Date | null;
  participants: ParticipationFacts[];
}

/** A staff member takes part in a SIP at `at`: added by then, not removed by then, at the unit they now read from. */
export const takesPart = (participant: ParticipationFacts, reader: Reader, at: Date): boolean =>
  participant.kind === 'STAFF' &&
  reader.agency !== null &&
  participant.subject === reader.subject &&
  participant.agency === reader.agency &&
  participant.unit === reader.unit &&
  participant.addedAt <= at &&
  !(participant.removedAt !== null && participant.removedAt <= at);

export const isOpenAt = (sip: Pick<SipFacts, 'closedAt'>, at: Date): boolean =>
  sip.closedAt === null || sip.closedAt > at;

/** The reader is named by the consent itself: their agency as a whole, their unit, or them at their unit. */
export const isNamedRecipient = (recipients: ConsentRecipients, reader: Reader): boolean =>
  reader.agency !== null &&
  (recipients.wholeAgencies.includes(reader.agency) ||
    recipients.named.some(
      (named) =>
        named.agency === reader.agency &&
        named.unit === reader.unit &&
        (named.subject === null || named.subject === reader.subject),
    ));

/**
 * The reader receives under this consent at `at`: named by it, or (by default) taking part then in
 * a SIP it was linked to by then, while that SIP is open.
 */
export function receivesUnder(
  consent: { recipients: ConsentRecipients; sipLinks: Array<{ sipId: string; linkedAt: Date }> },
  sips: readonly SipFacts[],
  reader: Reader,
  at: Date,
): boolean {
  if (isNamedRecipient(consent.recipients, reader)) return true;
  if (!consent.recipients.toSipParticipants) return false;
  return consent.sipLinks.some(
    (link) =>
      link.linkedAt <= at &&
      sips.some(
        (sip) => sip.id === link.sipId && isOpenAt(sip, at) && sip.participants.some((p) => takesPart(p, reader, at)),
      ),
  );
}

/**
 * Need to know: staff read another agency's data about a child only while they take part in one of
 * the child's open SIPs, or when a consent for the child names them.
 */
export const hasRelation = (
  sips: readonly SipFacts[],
  namedIn: ReadonlyArray<{ recipients: ConsentRecipients }>,
  reader: Reader,
  at: Date,
): boolean =>
  sips.some((sip) => isOpenAt(sip, at) && sip.participants.some((p) => takesPart(p, reader, at))) ||
  namedIn.some((consent) => isNamedRecipient(consent.recipients, reader));
