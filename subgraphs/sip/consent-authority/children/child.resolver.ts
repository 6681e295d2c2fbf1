import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { requiredText } from '../../../../lib/text-input.ts';
import { isUuid, NOT_AN_ID } from '../../../../lib/uuid.ts';
import { assertMaySeeChild, assertStaff, familyChildIds } from '../access.ts';
import { Child } from './child.type.ts';
import { toChild, toGuardian } from './child.mapper.ts';
import { assertMayRead, rememberLookup } from './child-records.ts';
import type { AuthorityContext } from '../context.ts';
import { ChildGuardian } from './guardian.type.ts';
import { parsePersonnummer, PERSONNUMMER_PROBLEM_TEXT } from './personnummer.ts';
import { RegisterChildInput } from './register-child.input.ts';
import { registerChild } from './register-child.ts';
import { logLookup } from './personnummer-lookups.ts';
import { MAX_LOOKUPS_PER_HOUR, mayLookUpByPersonnummer } from '../../../../policy/child-records.ts';

const MAX_PURPOSE_LENGTH = 500;

/** Serves one identity field of a child once the requester may read the child's identity (logged for staff). */
async function identityField<T>(context: AuthorityContext, child: Child, field: string, value: () => T | Promise<T>) {
  await assertMayRead(context, { childId: child.id, record: 'CHILD_IDENTITY', field: `Child.${field}` });
  return value();
}

@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, {
    nullable: true,
    description:
      'A child by id; null when no such child is registered. Its identity fields follow the rule on `Child`; a ' +
      'family member sees only their own family.',
  })
  async child(@Arg('id', () => ID) id: string, @Ctx() context: AuthorityContext): Promise<Child | null> {
    if (!isUuid(id)) throw new BadUserInputError('id', NOT_AN_ID);
    await assertMaySeeChild(context, id);
    const row = await context.loaders.childById.load(id);
    return row && toChild(row);
  }

  @Query(() => [Child], {
    description: 'The family’s own children: a guardian’s children, or the child themselves. Staff have no listing.',
  })
  async myChildren(@Ctx() context: AuthorityContext): Promise<Child[]> {
    const own = await familyChildIds(context);
    if (own === null) return [];
    const rows = await context.prisma.child.findMany({ where: { id: { in: own } }, orderBy: { id: 'asc' } });
    return rows.map(toChild);
  }

  @Query(() => Child, {
    nullable: true,
    description:
      'Staff look a child up by exact personnummer to start a SIP, and a privacy officer to review the child’s ' +
      'consents, stating why; the lookup and what they read are logged with that purpose, and each lookup is an ' +
      'item of the log review. Null when no child has this personnummer (logged too). At most ' +
      `${MAX_LOOKUPS_PER_HOUR} lookups an hour each (TOO_MANY_REQUESTS).`,
  })
  async childByPersonnummer(
    @Arg('personnummer', () => String) personnummer: string,
    @Arg('purpose', () => String, { description: 'Why the child is looked up, e.g. "initiera SIP".' }) purpose: string,
    @Ctx() context: AuthorityContext,
  ): Promise<Child | null> {
    if (!mayLookUpByPersonnummer(context.requester))
      throw new ForbiddenError('only agency staff and privacy officers look a child up by personnummer');
    const stated = requiredText(purpose, 'purpose', MAX_PURPOSE_LENGTH);
    const parsed = parsePersonnummer(personnummer, context.clock());
    if (typeof parsed === 'string') throw new BadUserInputError('personnummer', PERSONNUMMER_PROBLEM_TEXT[parsed]);
    const row = await context.prisma.child.findUnique({ where: { personnummer: parsed.digits } });
    await logLookup(context, { personnummer: parsed.digits, purpose: stated, childId: row?.id ?? null });
    if (!row) return null;
    rememberLookup(context, row.id, stated);
    await assertMayRead(context, { childId: row.id, record: 'CHILD_IDENTITY', field: 'Query.childByPersonnummer' });
    return toChild(row);
  }

  @Mutation(() => Child, {
    description:
      'Registers a child and their guardians as the population register has them, by the child’s personnummer; ' +
      'nothing is taken on the caller’s word. Logged like a lookup by personnummer.',
  })
  async registerChild(
    @Arg('input', () => RegisterChildInput) input: RegisterChildInput,
    @Ctx() context: AuthorityContext,
  ): Promise<Child> {
    assertStaff(context.requester, 'register a child');
    const row = await registerChild(context, input);
    rememberLookup(context, row.id, 'registering the child');
    return toChild(row);
  }

  @FieldResolver(() => String, { nullable: true })
  personnummer(@Root() child: Child, @Ctx() context: AuthorityContext) {
    return identityField(context, child, 'personnummer', () => child.personnummer);
  }

  @FieldResolver(() => String, { nullable: true })
  givenName(@Root() child: Child, @Ctx() context: AuthorityContext) {
    return identityField(context, child, 'givenName', () => child.givenName);
  }

  @FieldResolver(() => String, { nullable: true })
  familyName(@Root() child: Child, @Ctx() context: AuthorityContext) {
    return identityField(context, child, 'familyName', () => child.familyName);
  }

  @FieldResolver(() => GraphQLLocalDate, { nullable: true })
  dateOfBirth(@Root() child: Child, @Ctx() context: AuthorityContext) {
    return identityField(context, child, 'dateOfBirth', () => child.dateOfBirth);
  }

  @FieldResolver(() => [ChildGuardian], { nullable: true })
  guardians(@Root() child: Child, @Ctx() context: AuthorityContext): Promise<ChildGuardian[]> {
    return identityField(context, child, 'guardians', async () => {
      const guardianships = await context.loaders.guardianshipsByChildId.load(child.id);
      return guardianships.map((guardianship) =>
        Object.assign(new ChildGuardian(), {
          guardian: toGuardian(guardianship.guardian),
          hasCustody: guardianship.hasCustody,
        }),
      );
    });
  }
}
