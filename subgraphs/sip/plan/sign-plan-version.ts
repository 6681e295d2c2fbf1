import { BadUserInputError, ForbiddenError } from '../../../lib/errors.ts';
import { isUuid } from '../../../lib/uuid.ts';
import type { SipContext } from '../context.ts';
import { changeOpenSip } from '../process/open-sip.ts';
import { isSigner } from '../../../policy/sip-access.ts';

/** The requester signs one version of the plan as a participant. Only the current version can be signed. */
export async function signPlanVersion(context: SipContext, versionId: string) {
  const version = isUuid(versionId)
    ? await context.prisma.planVersion.findUnique({ where: { id: versionId }, select: { sipId: true } })
    : null;
  if (!version) throw new BadUserInputError('versionId', 'no plan version with this id');
  return changeOpenSip(context, version.sipId, 'versionId', async (tx, sip, role, now) => {
    const participant = role.participant;
    if (!participant) throw new ForbiddenError('only a participant of the SIP signs its plan');
    if (!isSigner(participant, sip.child.dateOfBirth, now))
      throw new ForbiddenError('relatives, and a child under 15, do not sign the plan');
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
    if (current.signatures.some((s) => s.participantId === participant.id))
      throw new BadUserInputError('versionId', 'you have already signed this version');
    await tx.planSignature.create({ data: { versionId, participantId: participant.id, signedAt: now } });
    const signed = await tx.planVersion.findUniqueOrThrow({
      where: { id: versionId },
      include: { goals: { orderBy: { position: 'asc' } }, interventions: { orderBy: { position: 'asc' } } },
    });
    return { version: signed, childId: sip.childId };
  });
}
