import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import { manyByKey, oneByKey } from '../../../../lib/loaders.ts';

export function createChildLoaders(prisma: PrismaClient) {
  return {
    childById: oneByKey(
      (ids: readonly string[]) => prisma.child.findMany({ where: { id: { in: [...ids] } } }),
      (child) => child.id,
    ),
    guardianById: oneByKey(
      (ids: readonly string[]) => prisma.guardian.findMany({ where: { id: { in: [...ids] } } }),
      (guardian) => guardian.id,
    ),
    guardianshipsByChildId: manyByKey(
      (childIds: readonly string[]) =>
        prisma.guardianship.findMany({
          where: { childId: { in: [...childIds] } },
          include: { guardian: true },
          orderBy: [{ hasCustody: 'desc' }, { guardian: { familyName: 'asc' } }, { guardian: { givenName: 'asc' } }],
        }),
      (guardianship) => guardianship.childId,
    ),
  };
}
