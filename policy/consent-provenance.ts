import { isOfAge, OWN_CONSENT_AGE, speaksForThemselves } from './age.ts';
import type { ConsentRecipients } from './recipients.ts';
import { isFamily, Role, type Requester } from './roles.ts';
import { isCurrent, type ParticipantFacts } from './sip-access.ts';

/** What deciding who may give, record or withdraw a child's consent needs to know about the child. */
export interface ConsentChildFacts {
  childId: string;
  childDateOfBirth: Date;
  custodianIds: readonly string[];
}

/** A SIP as the provenance rules see it. */
export interface ProvenanceSipFacts {
  childId: string;
  closedAt: Date | null;
  participants: ReadonlyArray<ParticipantFacts & { isInitiator: boolean }>;
  /** The family's answer to the SIP, once given. */
  familyAnswer: 'AGREED' | 'DECLINED' | null;
}

/** A staff member currently taking part in this open SIP. */
const staffInOpenSip = (requester: Requester, sip: ProvenanceSipFacts, now: Date): boolean =>
  sip.closedAt === null &&
  sip.participants.some((p) => p.kind === 'STAFF' && p.subject === requester.subject && isCurrent(p, now));

/**
 * A guardian with custody of the child (until the child is 18), or the child themselves from 15:
 * who speaks for the child.
 */
export const speaksForChild = (requester: Requester, child: ConsentChildFacts, now: Date): boolean =>
  (requester.role === Role.Guardian &&
    child.custodianIds.includes(requester.subject) &&
    !isOfAge(child.childDateOfBirth, now)) ||
  (requester.role === Role.Child &&
    requester.subject === child.childId &&
    speaksForThemselves(child.childDateOfBirth, now));

/**
 * Only the family gives consent. A guardian with custody gives it in their own name, the child from
 * 15 in theirs; nobody else. Returns why the requester may not, or null.
 */
export function givingRefusal(requester: Requester, child: ConsentChildFacts, now: Date): string | null {
  if (speaksForChild(requester, child, now)) return null;
  switch (requester.role) {
    case Role.Guardian:
      return isOfAge(child.childDateOfBirth, now)
        ? 'the young person is of age and gives their own consent'
        : 'only a guardian with custody of the child gives consent for the child';
    case Role.Child:
      return `a child gives consent on their own from ${OWN_CONSENT_AGE}`;
    default:
      return 'only the family gives consent; staff taking part in the SIP record the family’s word (recordConsent)';
  }
}

/** Whose word a consent the requester gives in their own name carries: a guardian's, or the child's. */
export const ownWordOf = (requester: Requester): { guardianIds: string[]; givenByChild: boolean } => ({
  guardianIds: requester.role === Role.Guardian ? [requester.subject] : [],
  givenByChild: requester.role === Role.Child,
});

/**
 * A block (spärr) is the family's: a guardian with custody or the child from 15 places it in their
 * own name, and staff record the family's word of one (recordingRefusal then applies, as to a
 * consent). Another family member, a younger child say, places none.
 */
export function blockPlacement(
  requester: Requester,
  child: ConsentChildFacts,
  now: Date,
): { by: 'FAMILY' } | { by: 'STAFF' } | { refused: string } {
  if (speaksForChild(requester, child, now)) return { by: 'FAMILY' };
  if (isFamily(requester)) return { refused: 'a block is placed by a guardian with custody or the child from 15' };
  return { by: 'STAFF' };
}

/**
 * Staff record the family's oral or written word only as a participant of the child's open SIP,
 * in that SIP: the record is linked to it, names the recorder and is shown to the family and to
 * the privacy officer for review. Returns why the requester may not, or null.
 */
export function recordingRefusal(
  requester: Requester,
  childId: string,
  sip: ProvenanceSipFacts,
  now: Date,
): string | null {
  if (requester.agency === null)
    return 'only staff taking part in the SIP record a consent; the family gives theirs (giveConsent)';
  if (sip.childId !== childId) return 'the SIP is about another child';
  if (sip.closedAt !== null) return 'the SIP is closed';
  return staffInOpenSip(requester, sip, now) ? null : 'only staff taking part in the SIP record the family’s consent';
}

/**
 * Recording the family's word of consent: as any recording (recordingRefusal), and under four eyes
 * (fourEyesRefusal), since it lets the SIP's staff read. Returns why the requester may not, or null.
 */
export const consentRecordingRefusal = (
  requester: Requester,
  childId: string,
  sip: ProvenanceSipFacts,
  now: Date,
): string | null =>
  recordingRefusal(requester, childId, sip, now) ?? fourEyesRefusal(requester, sip, 'record the family’s consent');

/**
 * Staff link an existing consent to a SIP only as participants of that open SIP, under the same
 * four eyes as recording one (see fourEyesRefusal). Returns why the requester may not, or null.
 */
export function linkingRefusal(requester: Requester, sip: ProvenanceSipFacts, now: Date): string | null {
  if (!staffInOpenSip(requester, sip, now)) return 'only staff taking part in the SIP link a consent to it';
  return fourEyesRefusal(requester, sip, 'link a consent to it');
}

/**
 * Four eyes on staff making a consent count for a SIP: recording the family's word in it, or
 * linking a consent to it, lets every staff member taking part read under that consent. So the
 * family must first have agreed to the SIP (a SIP they have not answered, or declined, receives
 * nothing), and the staff member who started the SIP cannot also be the one who records or links
 * its consent: otherwise anyone could start a SIP for any child and make themselves a recipient.
 * Another staff member taking part does it, and every such act is an item of the log review.
 */
function fourEyesRefusal(requester: Requester, sip: ProvenanceSipFacts, act: string): string | null {
  if (sip.familyAnswer !== 'AGREED') return `the family has not agreed to the SIP; only then may staff ${act}`;
  const started = sip.participants.some((p) => p.isInitiator && p.subject === requester.subject);
  return started ? `the staff member who started the SIP may not ${act}; another staff member taking part does` : null;
}

/**
 * Who may withdraw a consent: a guardian with custody of the child, the child from 15, or staff
 * recording the family's word while they take part in an open SIP the consent is linked to. A
 * privacy officer reviews consents but does not withdraw them. Returns why the requester may not, or null.
 */
export function withdrawalRefusal(
  requester: Requester,
  child: ConsentChildFacts,
  consent: { givenByChild: boolean },
  linkedSips: readonly ProvenanceSipFacts[],
  now: Date,
): string | null {
  if (requester.role === Role.Guardian && consent.givenByChild) return YOUNG_PERSONS_OWN_WORD;
  if (speaksForChild(requester, child, now)) return null;
  switch (requester.role) {
    case Role.PrivacyOfficer:
      return 'a privacy officer reviews consents but does not withdraw them';
    case Role.Guardian:
      return isOfAge(child.childDateOfBirth, now)
        ? 'the young person is of age: their consents are theirs to withdraw'
        : "only a guardian with custody of the child may withdraw the child's consent";
    case Role.Child:
      return `a child may withdraw their own consent from ${OWN_CONSENT_AGE}`;
    default:
      return linkedSips.some((sip) => staffInOpenSip(requester, sip, now))
        ? null
        : 'only staff taking part in an open SIP the consent is linked to record its withdrawal';
  }
}

/**
 * A young person who consents in their own name does so under their own right to decide and to
 * secrecy towards their guardians (offentlighets- och sekretesslagen 12 kap. 3 §; föräldrabalken
 * 6 kap. 11 §): the guardians may neither withdraw nor limit that consent, nor end the SIP it covers.
 */
export const YOUNG_PERSONS_OWN_WORD =
  'the young person gave this consent in their own name: only they may withdraw or change it';

/**
 * Whether a new version may take the place of `replaced`: a version the young person gave in their
 * own name is replaced only by one that carries their word too. Returns why not, or null.
 */
export const replacingRefusal = (
  replaced: { givenByChild: boolean },
  newer: { givenByChild: boolean },
): string | null => (replaced.givenByChild && !newer.givenByChild ? YOUNG_PERSONS_OWN_WORD : null);

/** What a version of a consent releases, to compare two versions. */
export interface ConsentTerms {
  scopes: readonly string[];
  recipients: ConsentRecipients;
  validFrom: Date;
  validUntil: Date;
}

const within = <T>(inner: readonly T[], outer: readonly T[], same: (a: T, b: T) => boolean = Object.is) =>
  inner.every((a) => outer.some((b) => same(a, b)));

/**
 * A new version keeps the earlier version's guardians' word only if it releases no more than the
 * earlier one: limiting a consent, or a second custodian joining one, needs no one else again;
 * widening it needs every custodian's word anew.
 */
export function releasesNoMore(newer: ConsentTerms, older: ConsentTerms): boolean {
  return (
    within(newer.scopes, older.scopes) &&
    within(newer.recipients.wholeAgencies, older.recipients.wholeAgencies) &&
    within(
      newer.recipients.named,
      older.recipients.named,
      (a, b) => a.agency === b.agency && a.unit === b.unit && (b.subject === null || a.subject === b.subject),
    ) &&
    (!newer.recipients.toSipParticipants || older.recipients.toSipParticipants) &&
    newer.validFrom >= older.validFrom &&
    newer.validUntil <= older.validUntil
  );
}
