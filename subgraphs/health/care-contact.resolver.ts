import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Prisma } from '../../prisma/health/client/client.ts';
import { pageOf, toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { PageArgs, pageRequest } from '../../lib/pagination/page-args.ts';
import { newestFirst, timelineWhere } from '../../lib/pagination/timeline.ts';
import { inForceOn } from '../../lib/periods.ts';
import type { HealthContext } from './context.ts';
import { CareContact, CareContactConnection, toCareContact } from './care-contact.type.ts';

/** Queries for health care's own staff. */
@Resolver(() => CareContact)
export class CareContactResolver {
  @Query(() => CareContactConnection, { description: 'Children in contact with a care unit today, most recent contact first.' })
  async careContactsAtUnit(
    @Arg('unitName', () => String) unitName: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: HealthContext,
  ): Promise<Connection<CareContact>> {
    const request = pageRequest(args);
    const rows = await context.prisma.careContact.findMany({
      where: { unitName, ...inForceOn(context.clock()), ...(timelineWhere({ at: 'startDate' }, request) as Prisma.CareContactWhereInput) },
      orderBy: newestFirst('startDate'),
      take: request.first + 1,
    });
    return toConnection(pageOf(rows, request, (row) => row.startDate), toCareContact);
  }
}
