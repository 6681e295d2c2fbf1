import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import type { SpherePart } from '../../../../policy/young-persons-sphere.ts';

/** What the young person keeps from their guardians now: their newest choice, or nothing. */
export async function keptParts(prisma: Pick<PrismaClient, 'sphereChoice'>, childId: string): Promise<SpherePart[]> {
  const choice = await prisma.sphereChoice.findFirst({ where: { childId }, orderBy: { chosenAt: 'desc' } });
  return choice?.parts ?? [];
}
