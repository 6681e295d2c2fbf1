import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Prisma, SocialCase as SocialCaseRow } from '../../prisma/social/client/client.ts';
import { toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { PageArgs, pageRequest } from '../../lib/pagination/page-args.ts';
import { pageOfModel } from '../../lib/pagination/timeline.ts';
import type { SocialContext } from './context.ts';
import { SocialCase, SocialCaseConnection, toSocialCase } from './social-case.type.ts';

/** Queries for social services' own staff. */
@Resolver(() => SocialCase)
export class SocialCaseResolver {
  @Query(() => SocialCaseConnection, {
    description: 'Open cases, most recently opened first; optionally only one handläggare’s.',
  })
  async openSocialCases(
    @Arg('handlingOfficer', () => String, { nullable: true }) handlingOfficer: string | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SocialContext,
  ): Promise<Connection<SocialCase>> {
    const page = await pageOfModel<SocialCaseRow>(
      (query) => context.prisma.socialCase.findMany(query as Prisma.SocialCaseFindManyArgs),
      { at: 'openedAt' },
      { closedAt: null, ...(handlingOfficer != null && { handlingOfficer }) },
      pageRequest(args),
    );
    return toConnection(page, toSocialCase);
  }
}
