import type { PrismaClient } from '../../prisma/social/client/client.ts';
import { oneByKey } from '../../lib/loaders.ts';

export function createSocialLoaders(prisma: PrismaClient) {
  return {
    /** The open case; if a child had several, the most recently opened. */
    openCaseByChildId: oneByKey(
      (childIds: readonly string[]) =>
        prisma.socialCase.findMany({ where: { childId: { in: [...childIds] }, closedAt: null }, orderBy: { openedAt: 'asc' } }),
      (socialCase) => socialCase.childId,
    ),
  };
}
