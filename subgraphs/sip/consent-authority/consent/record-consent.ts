import type { Prisma } from '../../../../prisma/sip/client/client.ts';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { assertDistinct, optionalText, requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { OWN_CONSENT_AGE, speaksForThemselves } from '../../../../policy/age.ts';
import {
  consentRecordingRefusal,
  givingRefusal,
  ownWordOf,
  releasesNoMore,
  replacingRefusal,
} from '../../../../policy/consent-provenance.ts';
import type { ConsentRecipients } from '../../../../policy/recipients.ts';
import type { AuthorityContext } from '../context.ts';
import { changeOpenSip, custodianIdsOf, type LockedSip, type Tx } from '../open-sip.ts';
import { CONSENT_INCLUDE, recipientsOf, type StoredRecipient } from './consent.mapper.ts';
import type { ConsentTermsInput, GiveConsentInput, RecordConsentInput } from './record-consent.input.ts';

const MAX_PURPOSE_LENGTH = 1_000;

type ChildWithGuardians = Prisma.ChildGetPayload<{ include: { guardians: true } }>;

/** Whose word a version carries and how it came to be recorded. */
interface Provenance {
  guardianIds: string[];
  givenByChild: boolean;
  form: 'WRITTEN' | 'ORAL' | 'IN_APP';
  recordedInSipId: string | null;
}

async function findChild(context: AuthorityContext, childId: string): Promise<ChildWithGuardians> {
  const child = isUuid(childId)
    ? await context.prisma.child.findUnique({ where: { id: childId }, include: { guardians: true } })
    : null;
  if (!child) throw new BadUserInputError('input.childId', 'no child with this id');
  return child;
}

function readRecipients(input: ConsentTermsInput): ConsentRecipients & { named: StoredRecipient[] } {
  const given = input.recipients ?? { sipParticipants: true, named: [], wholeAgencies: [] };
  const named = given.named.map((recipient, i) => ({
    agency: recipient.agency,
    unit: requiredText(recipient.unit, `input.recipients.named.${i}.unit`, 200),
    subject: optionalText(recipient.subject, `input.recipients.named.${i}.subject`, 200),
    name: optionalText(recipient.name, `input.recipients.named.${i}.name`, 200),
  }));
  assertDistinct(
    named.map((r) => `${r.agency}/${r.unit}/${r.subject ?? ''}`),
    'input.recipients.named',
  );
  return { toSipParticipants: given.sipParticipants, named, wholeAgencies: [...new Set(given.wholeAgencies)] };
}

/** The terms every consent must meet, whoever gives or records it; checked before anything is written. */
function readTerms(input: ConsentTermsInput) {
  if (input.scopes.length === 0) throw new BadUserInputError('input.scopes', 'name at least one information category');
  if (input.validUntil <= input.validFrom) throw new BadUserInputError('input.validUntil', 'must be after validFrom');
  return {
    scopes: [...new Set(input.scopes)],
    recipients: readRecipients(input),
    purpose: requiredText(input.purpose, 'input.purpose', MAX_PURPOSE_LENGTH),
    validFrom: input.validFrom,
    validUntil: input.validUntil,
  };
}
type Terms = ReturnType<typeof readTerms>;

/** The version a new one replaces, if any; `byTheChild`: the new one carries the young person's own word. */
async function findReplaced(tx: Tx, input: ConsentTermsInput, childId: string, byTheChild: boolean) {
  if (input.replacesConsentId == null) return null;
  const replaced = isUuid(input.replacesConsentId)
    ? await tx.consent.findUnique({ where: { id: input.replacesConsentId }, include: CONSENT_INCLUDE })
    : null;
  if (!replaced || replaced.childId !== childId)
    throw new BadUserInputError('input.replacesConsentId', 'no consent with this id for this child');
  if (replaced.replacedBy)
    throw new BadUserInputError('input.replacesConsentId', 'already replaced by a newer version');
  if (replaced.withdrawal)
    throw new BadUserInputError('input.replacesConsentId', 'withdrawn; give or record a new consent instead');
  const refusal = replacingRefusal(replaced, { givenByChild: byTheChild });
  if (refusal) throw new ForbiddenError(refusal, 'input.replacesConsentId');
  return replaced;
}

/**
 * Writes a version and its links: to the SIP it was given or recorded in, and (for a new version)
 * to every SIP the old one covered. replacesId is unique: of two concurrent replacements of one
 * version, the second fails.
 */
async function writeConsent(
  context: AuthorityContext,
  tx: Tx,
  childId: string,
  terms: Terms,
  provenance: Provenance,
  options: { replacesId: string | null; linkTo: string | null; now: Date },
) {
  const { recipients, ...rest } = terms;
  const consent = await tx.consent.create({
    data: {
      childId,
      ...rest,
      ...provenance,
      agencies: recipients.wholeAgencies,
      toSipParticipants: recipients.toSipParticipants,
      namedRecipients: recipients.named as unknown as Prisma.InputJsonValue,
      recordedBy: context.requester.subject,
      recordedByAgency: context.requester.agency,
      recordedAt: options.now,
      replacesId: options.replacesId,
    },
    include: CONSENT_INCLUDE,
  });
  const earlier = options.replacesId
    ? await tx.sipConsent.findMany({ where: { consentId: options.replacesId }, select: { sipId: true } })
    : [];
  const sipIds = new Set([...earlier.map((link) => link.sipId), ...(options.linkTo ? [options.linkTo] : [])]);
  const viaSip = recipients.toSipParticipants && sipIds.size > 0;
  if (!viaSip && recipients.named.length + recipients.wholeAgencies.length === 0)
    throw new BadUserInputError(
      'input.recipients',
      'no one would receive: link the consent to a SIP for its participants, or name recipients',
    );
  await tx.sipConsent.createMany({
    data: [...sipIds].map((sipId) => ({
      sipId,
      consentId: consent.id,
      linkedAt: options.now,
      linkedBy: context.requester.subject,
    })),
  });
  return consent;
}

/**
 * Staff record the family's oral or written word, as participants of the child's open SIP; the
 * record is linked to that SIP, names the form and the recorder, and is marked for review.
 */
export async function recordConsent(context: AuthorityContext, input: RecordConsentInput) {
  const child = await findChild(context, input.childId);
  const terms = readTerms(input);
  if (input.form === 'IN_APP')
    throw new BadUserInputError('input.form', 'IN_APP is for the family’s own act; staff record WRITTEN or ORAL');
  return changeOpenSip(context, input.sipId, 'input.sipId', async (tx, sip: LockedSip, _role, now) => {
    // Who may record comes first: nothing about the child's guardians is told to anyone else.
    const refusal = consentRecordingRefusal(context.requester, child.id, sip, now);
    if (refusal) throw new ForbiddenError(refusal, 'input.sipId');
    const custodians = custodianIdsOf(child.guardians);
    input.guardianIds.forEach((guardianId, i) => {
      if (!custodians.includes(guardianId))
        throw new BadUserInputError(`input.guardianIds.${i}`, 'not a guardian with custody of this child');
    });
    assertDistinct(input.guardianIds, 'input.guardianIds');
    if (input.givenByChild && !speaksForThemselves(child.dateOfBirth, now)) {
      throw new BadUserInputError(
        'input.givenByChild',
        `a child under ${OWN_CONSENT_AGE} cannot consent on their own; the guardians consent`,
      );
    }
    if (input.guardianIds.length === 0 && !input.givenByChild)
      throw new BadUserInputError('input.guardianIds', 'name whose word it is');
    const replaced = await findReplaced(tx, input, child.id, input.givenByChild);
    return writeConsent(
      context,
      tx,
      child.id,
      terms,
      { guardianIds: input.guardianIds, givenByChild: input.givenByChild, form: input.form, recordedInSipId: sip.id },
      { replacesId: replaced?.id ?? null, linkTo: sip.id, now },
    );
  });
}

/**
 * A guardian with custody, or the child from 15, gives consent in their own name. A new version
 * that releases no more than the one it replaces keeps the earlier givers' word: limiting a
 * consent, or a second custodian joining one, needs no one else again.
 */
export async function giveConsent(context: AuthorityContext, input: GiveConsentInput) {
  const { requester } = context;
  const child = await findChild(context, input.childId);
  const now = context.clock();
  const refusal = givingRefusal(
    requester,
    { childId: child.id, childDateOfBirth: child.dateOfBirth, custodianIds: custodianIdsOf(child.guardians) },
    now,
  );
  if (refusal) throw new ForbiddenError(refusal);
  const terms = readTerms(input);
  const ownWord = ownWordOf(requester);
  const give = async (tx: Tx, sipId: string | null, at: Date) => {
    const replaced = await findReplaced(tx, input, child.id, ownWord.givenByChild);
    const keepsEarlierWord =
      replaced !== null && releasesNoMore(terms, { ...replaced, recipients: recipientsOf(replaced) });
    return writeConsent(
      context,
      tx,
      child.id,
      terms,
      {
        guardianIds: [...new Set([...(keepsEarlierWord ? replaced.guardianIds : []), ...ownWord.guardianIds])],
        givenByChild: ownWord.givenByChild || (keepsEarlierWord && replaced.givenByChild),
        form: 'IN_APP',
        recordedInSipId: null,
      },
      { replacesId: replaced?.id ?? null, linkTo: sipId, now: at },
    );
  };
  if (input.sipId == null) return context.prisma.$transaction((tx) => give(tx, null, now));
  return changeOpenSip(context, input.sipId, 'input.sipId', async (tx, sip, _role, at) => {
    if (sip.childId !== child.id) throw new BadUserInputError('input.sipId', 'the SIP is about another child');
    return give(tx, sip.id, at);
  });
}
