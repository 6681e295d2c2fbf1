import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SocialContext } from './context.ts';
import { SocialCase, toSocialCase } from './social-case.type.ts';

/** Queries for social services' own staff. */
@Resolver(() => SocialCase)
export class SocialCaseResolver {
  @Query(() => [SocialCase], { description: 'Open cases, oldest first; optionally only one handläggare’s.' })
  async openSocialCases(
    @Arg('handlingOfficer', () => String, { nullable: true }) handlingOfficer: string | undefined,
    @Ctx() context: SocialContext,
  ): Promise<SocialCase[]> {
    const rows = await context.prisma.socialCase.findMany({
      where: { closedAt: null, ...(handlingOfficer != null && { handlingOfficer }) },
      orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toSocialCase);
  }
}
