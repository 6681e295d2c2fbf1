import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { CareContact as CareContactRow, Prisma } from '../../prisma/health/client/client.ts';
import { toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { PageArgs, pageRequest } from '../../lib/pagination/page-args.ts';
import { pageOfModel } from '../../lib/pagination/timeline.ts';
import { inForceOn } from '../../lib/periods.ts';
import type { HealthContext } from './context.ts';
import { CareContact, CareContactConnection, toCareContact } from './care-contact.type.ts';

/** Queries for health care's own staff. */
@Resolver(() => CareContact)
export class CareContactResolver {
  @Query(() => CareContactConnection, {
    description: 'Children in contact with a care unit today, most recent contact first.',
  })
  async careContactsAtUnit(
    @Arg('unitName', () => String) unitName: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: HealthContext,
  ): Promise<Connection<CareContact>> {
    const page = await pageOfModel<CareContactRow>(
      (query) => context.prisma.careContact.findMany(query as Prisma.CareContactFindManyArgs),
      { at: 'startDate' },
      { unitName, ...inForceOn(context.clock()) },
      pageRequest(args),
    );
    return toConnection(page, toCareContact);
  }
}
