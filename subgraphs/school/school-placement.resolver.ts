import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SchoolContext } from './context.ts';
import { SchoolPlacement, toSchoolPlacement } from './school-placement.type.ts';
import { inForceOn } from '../../lib/periods.ts';

/** Queries for the school's own staff. */
@Resolver(() => SchoolPlacement)
export class SchoolPlacementResolver {
  @Query(() => [SchoolPlacement], { description: 'Students placed at a school unit today, by class.' })
  async schoolPlacements(@Arg('schoolUnitCode', () => String) schoolUnitCode: string, @Ctx() context: SchoolContext): Promise<SchoolPlacement[]> {
    const today = context.clock();
    const rows = await context.prisma.schoolPlacement.findMany({
      where: { schoolUnitCode, ...inForceOn(today) },
      orderBy: [{ className: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toSchoolPlacement);
  }
}
