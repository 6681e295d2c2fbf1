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
      (args) => prisma.investigation.findMany(args as Prisma.InvestigationFindManyArgs),
      { at: 'startedOn', until: 'completedOn' },
    ),
    interventions: timelineOf<SocialIntervention>(
      (args) => prisma.socialIntervention.findMany(args as Prisma.SocialInterventionFindManyArgs),
      { at: 'startsOn', until: 'endsOn' },
    ),
    placements: timelineOf<Placement>((args) => prisma.placement.findMany(args as Prisma.PlacementFindManyArgs), {
      at: 'startsOn',
      until: 'endsOn',
    }),
  };
}
