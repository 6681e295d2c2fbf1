import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { PageArgs, pageRequest } from '../../lib/pagination/page-args.ts';
import { pageOfRows } from '../../lib/pagination/source-timeline.ts';
import { fromCaseSystem } from './case-system/case-system-source.ts';
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
    const request = pageRequest(args);
    const open = await fromCaseSystem(
      context.source.socialCase.findMany({
        where: { closedAt: null, ...(handlingOfficer != null && { handlingOfficer }) },
      }),
    );
    // Only children registered in the SIP core have a place in the graph.
    const children = await context.childIdentities.childIdsOf(open.map((row) => row.personnummer));
    const rows = open.flatMap((row) => {
      const childId = children.get(row.personnummer);
      return childId ? [{ ...row, childId, at: row.openedAt }] : [];
    });
    return toConnection(pageOfRows(rows, request), toSocialCase);
  }
}
