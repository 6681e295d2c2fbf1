import type {
  Investigation,
  Placement,
  Prisma,
  PrismaClient,
  SocialIntervention,
} from '../../prisma/social/client/client.ts';
import { oneByKey } from '../../lib/loaders.ts';
import { timelineOf } from '../../lib/pagination/timeline.ts';

export function createSocialLoaders(prisma: PrismaClient) {
  return {
    /** The open case; if a child had several, the most recently opened. */
    openCaseByChildId: oneByKey(
      (childIds: readonly string[]) =>
        prisma.socialCase.findMany({
          where: { childId: { in: [...childIds] }, closedAt: null },
          orderBy: { openedAt: 'asc' },
        }),
      (socialCase) => socialCase.childId,
    ),
    interventionById: oneByKey(
      (ids: readonly string[]) => prisma.socialIntervention.findMany({ where: { id: { in: [...ids] } } }),
      (intervention) => intervention.id,
    ),
    investigations: timelineOf<Investigation>(
      prisma,
      (args) => prisma.investigation.findMany(args as Prisma.InvestigationFindManyArgs),
      { table: 'Investigation', at: 'startedOn', until: 'completedOn' },
    ),
    interventions: timelineOf<SocialIntervention>(
      prisma,
      (args) => prisma.socialIntervention.findMany(args as Prisma.SocialInterventionFindManyArgs),
      { table: 'SocialIntervention', at: 'startsOn', until: 'endsOn' },
    ),
    placements: timelineOf<Placement>(
      prisma,
      (args) => prisma.placement.findMany(args as Prisma.PlacementFindManyArgs),
      { table: 'Placement', at: 'startsOn', until: 'endsOn' },
    ),
  };
}
