import type { PrismaClient } from '../../prisma/school/client/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { oneByKey } from '../../lib/loaders.ts';
import { inForceOn } from '../../lib/periods.ts';

export function createSchoolLoaders(prisma: PrismaClient, clock: Clock) {
  return {
    /** The placement in force today; with overlaps (a move mid-term), the most recent start. */
    currentPlacementByChildId: oneByKey(
      (childIds: readonly string[]) => {
        const today = clock();
        return prisma.schoolPlacement.findMany({
          where: { childId: { in: [...childIds] }, ...inForceOn(today) },
          orderBy: { startDate: 'asc' },
        });
      },
      (placement) => placement.childId,
    ),
  };
}
