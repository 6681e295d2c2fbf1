import type { Prisma, PrismaClient } from '../../prisma/social/client/client.ts';
import { oneByKey } from '../../lib/loaders.ts';
import { newestFirst, timelineLoader, timelineWhere } from '../../lib/pagination/timeline.ts';

export function createSocialLoaders(prisma: PrismaClient) {
  return {
    /** The open case; if a child had several, the most recently opened. */
    openCaseByChildId: oneByKey(
      (childIds: readonly string[]) =>
        prisma.socialCase.findMany({ where: { childId: { in: [...childIds] }, closedAt: null }, orderBy: { openedAt: 'asc' } }),
      (socialCase) => socialCase.childId,
    ),
    interventionById: oneByKey(
      (ids: readonly string[]) => prisma.socialIntervention.findMany({ where: { id: { in: [...ids] } } }),
      (intervention) => intervention.id,
    ),
    investigations: timelineLoader(
      (childIds, request, take) =>
        prisma.investigation.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'startedOn', until: 'completedOn' }, request) as Prisma.InvestigationWhereInput) },
          orderBy: newestFirst('startedOn'),
          take,
        }),
      (row) => row.startedOn,
    ),
    interventions: timelineLoader(
      (childIds, request, take) =>
        prisma.socialIntervention.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'startsOn', until: 'endsOn' }, request) as Prisma.SocialInterventionWhereInput) },
          orderBy: newestFirst('startsOn'),
          take,
        }),
      (row) => row.startsOn,
    ),
    placements: timelineLoader(
      (childIds, request, take) =>
        prisma.placement.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'startsOn', until: 'endsOn' }, request) as Prisma.PlacementWhereInput) },
          orderBy: newestFirst('startsOn'),
          take,
        }),
      (row) => row.startsOn,
    ),
  };
}
