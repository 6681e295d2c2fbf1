import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../../lib/errors.ts';
import { assertMaySeeChild, assertStaff, familyChildIds } from './access.ts';
import { Child } from './child.type.ts';
import { toChild, toGuardian } from './child.mapper.ts';
import type { SipContext } from './context.ts';
import { ChildGuardian } from './guardian.type.ts';
import { RegisterChildInput } from './register-child.input.ts';
import { registerChild } from './register-child.ts';
import { isUuid } from '../../lib/uuid.ts';
import { assertPageSize } from '../../lib/pagination/page-size.ts';

@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, { nullable: true, description: 'A child by id; null when no such child is registered.' })
  async child(@Arg('id', () => ID) id: string, @Ctx() context: SipContext): Promise<Child | null> {
    if (!isUuid(id)) return null;
    await assertMaySeeChild(context, id);
    const row = await context.loaders.childById.load(id);
    return row && toChild(row);
  }

  @Query(() => [Child], {
    description:
      'Registered children in a stable order (by id); a guardian sees their own children, a child themselves. Page ' +
      'with `after` = the last id seen.',
  })
  async children(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => ID, { nullable: true }) after: string | undefined,
    @Ctx() context: SipContext,
  ): Promise<Child[]> {
    assertPageSize(first);
    if (after != null && !isUuid(after)) throw new BadUserInputError('after', 'must be the id of a child');
    const own = await familyChildIds(context);
    const rows = await context.prisma.child.findMany({
      where: { id: { ...(after != null && { gt: after }), ...(own !== null && { in: own }) } },
      orderBy: { id: 'asc' },
      take: first,
    });
    return rows.map(toChild);
  }

  @Mutation(() => Child, {
    description: 'Registers a child and their guardians. The date of birth is read from the personnummer.',
  })
  async registerChild(
    @Arg('input', () => RegisterChildInput) input: RegisterChildInput,
    @Ctx() context: SipContext,
  ): Promise<Child> {
    assertStaff(context.requester, 'register a child');
    return toChild(await registerChild(context.prisma, input, context.clock()));
  }

  @FieldResolver(() => [ChildGuardian])
  async guardians(@Root() child: Child, @Ctx() context: SipContext): Promise<ChildGuardian[]> {
    const guardianships = await context.loaders.guardianshipsByChildId.load(child.id);
    return guardianships.map((guardianship) =>
      Object.assign(new ChildGuardian(), {
        guardian: toGuardian(guardianship.guardian),
        hasCustody: guardianship.hasCustody,
      }),
    );
  }
}
