import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Prisma } from '../../../../prisma/sip/client/client.ts';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { optionalText, requiredText } from '../../../../lib/text-input.ts';
import { isUuid } from '../../../../lib/uuid.ts';
import { speaksForThemselves } from '../../../../policy/age.ts';
import { blockPlacement, recordingRefusal, speaksForChild } from '../../../../policy/consent-provenance.ts';
import { assertMayRead } from '../children/child-records.ts';
import type { AuthorityContext } from '../context.ts';
import { consentChildFacts } from '../children/consent-child-facts.ts';
import { changeOpenSip } from '../open-sip.ts';
import { Block, BlockedUnit, PlaceBlockInput } from './block.type.ts';

const WITH_LIFT_AND_RECORD = { lift: true, record: true } as const;
type BlockRow = Prisma.BlockGetPayload<{ include: typeof WITH_LIFT_AND_RECORD }>;

const toBlock = ({ record, ...row }: BlockRow): Block =>
  Object.assign(new Block(), {
    ...row,
    recordId: record?.recordId ?? null,
    fromUnits: (row.fromUnits as unknown as BlockedUnit[]).map((unit) => Object.assign(new BlockedUnit(), unit)),
    recordedByStaff: row.recordedByAgency !== null,
    liftedAt: row.lift?.liftedAt ?? null,
  });

@Resolver(() => Block)
export class BlocksResolver {
  @Query(() => [Block], {
    description: 'Every block placed on a child’s data, newest first: for the family, and for staff who may read it.',
  })
  async blocks(@Arg('childId', () => ID) childId: string, @Ctx() context: AuthorityContext): Promise<Block[]> {
    if (!isUuid(childId)) throw new BadUserInputError('childId', 'no child with this id');
    await assertMayRead(context, { childId, record: 'CHILD_CONSENTS', field: 'Query.blocks' });
    const rows = await context.prisma.block.findMany({
      where: { childId },
      include: WITH_LIFT_AND_RECORD,
      orderBy: [{ placedAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map(toBlock);
  }

  @Mutation(() => Block, {
    description:
      'Blocks categories of a child’s data from every other agency or from named units. A guardian with custody or ' +
      'the child from 15 places it; staff taking part in the child’s open SIP record the family’s word (sipId, ' +
      'givenBy), marked for review.',
  })
  async placeBlock(
    @Arg('input', () => PlaceBlockInput) input: PlaceBlockInput,
    @Ctx() context: AuthorityContext,
  ): Promise<Block> {
    const { requester } = context;
    const child = await consentChildFacts(context, input.childId);
    const now = context.clock();
    const placement = blockPlacement(requester, child, now);
    if ('refused' in placement) throw new ForbiddenError(placement.refused);
    const byFamily = placement.by === 'FAMILY';
    if (input.scopes.length === 0) throw new BadUserInputError('input.scopes', 'name at least one category');
    if (input.recordId != null && !isUuid(input.recordId))
      throw new BadUserInputError('input.recordId', 'not a record id');
    if (input.recordId != null && input.scopes.length > 1)
      throw new BadUserInputError('input.scopes', 'a blocked record is listed under one category: name that one');
    if (input.until && input.until <= now) throw new BadUserInputError('input.until', 'must be in the future');
    const data = {
      childId: child.childId,
      scopes: [...new Set(input.scopes)],
      fromUnits: input.fromUnits.map((from, i) => ({
        agency: from.agency,
        unit: requiredText(from.unit, `input.fromUnits.${i}.unit`, 200),
      })),
      until: input.until ?? null,
      reason: optionalText(input.reason, 'input.reason', 1_000),
      recordedBy: requester.subject,
      recordedByAgency: requester.agency,
      placedAt: now,
      ...(input.recordId != null && { record: { create: { recordId: input.recordId } } }),
    };
    if (byFamily) {
      const row = await context.prisma.block.create({
        data: { ...data, givenBy: requester.subject, recordedInSipId: null },
        include: WITH_LIFT_AND_RECORD,
      });
      return toBlock(row);
    }
    if (input.sipId == null) throw new BadUserInputError('input.sipId', 'staff record a block in the child’s open SIP');
    return changeOpenSip(context, input.sipId, 'input.sipId', async (tx, sip, _role, at) => {
      const refusal = recordingRefusal(requester, child.childId, sip, at);
      if (refusal) throw new ForbiddenError(refusal, 'input.sipId');
      const word =
        input.givenBy != null &&
        (child.custodianIds.includes(input.givenBy) ||
          (input.givenBy === child.childId && speaksForThemselves(child.childDateOfBirth, at)));
      if (!word)
        throw new BadUserInputError('input.givenBy', 'name the guardian with custody, or the child from 15, who asked');
      const row = await tx.block.create({
        data: { ...data, givenBy: input.givenBy!, recordedInSipId: sip.id, placedAt: at },
        include: WITH_LIFT_AND_RECORD,
      });
      return toBlock(row);
    });
  }

  @Mutation(() => Block, {
    description: 'Lifts a block from now on. The family’s act: a guardian with custody or the child from 15.',
  })
  async liftBlock(@Arg('blockId', () => ID) blockId: string, @Ctx() context: AuthorityContext): Promise<Block> {
    const block = isUuid(blockId)
      ? await context.prisma.block.findUnique({ where: { id: blockId }, include: WITH_LIFT_AND_RECORD })
      : null;
    if (!block) throw new BadUserInputError('blockId', 'no block with this id');
    const now = context.clock();
    if (!speaksForChild(context.requester, await consentChildFacts(context, block.childId), now))
      throw new ForbiddenError('a block is lifted by a guardian with custody or the child from 15');
    if (block.lift) throw new BadUserInputError('blockId', 'already lifted');
    await context.prisma.blockLift.create({ data: { blockId, liftedAt: now, liftedBy: context.requester.subject } });
    return toBlock(
      await context.prisma.block.findUniqueOrThrow({ where: { id: blockId }, include: WITH_LIFT_AND_RECORD }),
    );
  }
}
