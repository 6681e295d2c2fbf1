import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import type { SpherePart } from '../../../../policy/young-persons-sphere.ts';

/** The young person's newest choice of what they keep from their guardians: the one in force; null if none. */
export const latestSphereChoice = (prisma: Pick<PrismaClient, 'sphereChoice'>, childId: string) =>
  prisma.sphereChoice.findFirst({ where: { childId }, orderBy: { chosenAt: 'desc' } });

/** What the young person keeps from their guardians now: their newest choice, or nothing. */
export async function keptParts(prisma: Pick<PrismaClient, 'sphereChoice'>, childId: string): Promise<SpherePart[]> {
  return (await latestSphereChoice(prisma, childId))?.parts ?? [];
}

/** Whether staff have recorded that the child, though under 15, is mature enough to keep parts of their sphere. */
export const maturityAssessed = async (prisma: Pick<PrismaClient, 'maturityAssessment'>, childId: string) =>
  (await prisma.maturityAssessment.count({ where: { childId } })) > 0;
