import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { calendarDay, swedishDate } from '../../../../lib/periods.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { isSigner } from '../../../../policy/sip-access.ts';
import type { SipContext } from '../context.ts';
import { assertStaffParticipant, changeOpenSip, type LockedSip, type Tx } from '../../consent-authority/open-sip.ts';
import { VERSION_CONTENT } from './plan-version.mapper.ts';

async function sipOfVersion(context: SipContext, versionId: string): Promise<string> {
  const version = isUuid(versionId)
    ? await context.prisma.planVersion.findUnique({ where: { id: versionId }, select: { sipId: true } })
    : null;
  if (!version) throw new BadUserInputError('versionId', 'no plan version with this id');
  return version.sipId;
}

/** Adds one participant's signature to the current version, once; the version as it then stands. */
async function addSignature(
  tx: Tx,
  sip: LockedSip,
  versionId: string,
  signature: { participantId: string; signedAt: Date; form: 'IN_APP' | 'PAPER'; recordedBy: string | null },
  alreadySigned: string,
) {
  const current = await tx.planVersion.findFirstOrThrow({
    where: { sipId: sip.id },
    orderBy: { number: 'desc' },
    include: { signatures: true },
  });
  if (current.id !== versionId) {
    const outdated = await tx.planVersion.findUniqueOrThrow({ where: { id: versionId } });
    throw new BadUserInputError(
      'versionId',
      `version ${outdated.number} has been replaced by version ${current.number}; sign the current version`,
    );
  }
  if (current.signatures.some((s) => s.participantId === signature.participantId))
    throw new BadUserInputError('versionId', alreadySigned);
  await tx.planSignature.create({ data: { versionId, ...signature } });
  const signed = await tx.planVersion.findUniqueOrThrow({
    where: { id: versionId },
    include: VERSION_CONTENT,
  });
  return { version: signed, childId: sip.childId };
}

/** The requester signs one version of the plan as a participant. Only the current version can be signed. */
export async function signPlanVersion(context: SipContext, versionId: string) {
  return changeOpenSip(context, await sipOfVersion(context, versionId), 'versionId', async (tx, sip, role, now) => {
    const participant = role.participant;
    if (!participant) throw new ForbiddenError('only a participant of the SIP signs its plan');
    if (!isSigner(participant, sip.child.dateOfBirth, now))
      throw new ForbiddenError('a child under 15 does not sign the plan');
    return addSignature(
      tx,
      sip,
      versionId,
      { participantId: participant.id, signedAt: now, form: 'IN_APP', recordedBy: null },
      'you have already signed this version',
    );
  });
}

/**
 * Staff taking part record a signature given on paper (a relative's, or anyone's who signed at
 * the meeting): who signed, on which day, and who recorded it.
 */
export async function recordPaperSignature(
  context: SipContext,
  versionId: string,
  participantId: string,
  signedOn: string,
) {
  return changeOpenSip(context, await sipOfVersion(context, versionId), 'versionId', async (tx, sip, role, now) => {
    assertStaffParticipant(role, 'record signatures given on paper');
    const signer = sip.participants.find((p) => p.id === participantId);
    if (!signer) throw new BadUserInputError('participantId', 'not a participant of this SIP');
    if (!isSigner(signer, sip.child.dateOfBirth, now))
      throw new BadUserInputError('participantId', 'no longer takes part, or is a child under 15, who does not sign');
    if (signedOn > swedishDate(now)) throw new BadUserInputError('signedOn', 'must not be in the future');
    const saved = await tx.planVersion.findUniqueOrThrow({ where: { id: versionId }, select: { createdAt: true } });
    if (signedOn < swedishDate(saved.createdAt))
      throw new BadUserInputError('signedOn', 'must not be before the version was written');
    return addSignature(
      tx,
      sip,
      versionId,
      { participantId, signedAt: calendarDay(signedOn), form: 'PAPER', recordedBy: context.requester.subject },
      'this participant has already signed this version',
    );
  });
}
