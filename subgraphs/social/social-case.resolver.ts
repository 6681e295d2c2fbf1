import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Prisma } from '../../prisma/social/client/client.ts';
import { pageOf, toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { PageArgs, pageRequest } from '../../lib/pagination/page-args.ts';
import { newestFirst, timelineWhere } from '../../lib/pagination/timeline.ts';
import type { SocialContext } from './context.ts';
import { SocialCase, SocialCaseConnection, toSocialCase } from './social-case.type.ts';

/** Queries for social services' own staff. */
@Resolver(() => SocialCase)
export class SocialCaseResolver {
  @Query(() => SocialCaseConnection, { description: 'Open cases, most recently opened first; optionally only one handläggare’s.' })
  async openSocialCases(
    @Arg('handlingOfficer', () => String, { nullable: true }) handlingOfficer: string | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SocialContext,
  ): Promise<Connection<SocialCase>> {
    const request = pageRequest(args);
    const rows = await context.prisma.socialCase.findMany({
      where: { closedAt: null, ...(handlingOfficer != null && { handlingOfficer }), ...(timelineWhere({ at: 'openedAt' }, request) as Prisma.SocialCaseWhereInput) },
      orderBy: newestFirst('openedAt'),
      take: request.first + 1,
    });
    return toConnection(pageOf(rows, request, (row) => row.openedAt), toSocialCase);
  }
}
