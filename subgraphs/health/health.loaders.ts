import type { PrismaClient } from '../../prisma/health/client/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { manyByKey } from '../../lib/loaders.ts';
import { inForceOn } from '../../lib/periods.ts';

export function createHealthLoaders(prisma: PrismaClient, clock: Clock) {
  return {
    /** Contacts in force today, longest-standing first. */
    currentCareContactsByChildId: manyByKey(
      (childIds: readonly string[]) => {
        const today = clock();
        return prisma.careContact.findMany({
          where: { childId: { in: [...childIds] }, ...inForceOn(today) },
          orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
        });
      },
      (contact) => contact.childId,
    ),
  };
}
