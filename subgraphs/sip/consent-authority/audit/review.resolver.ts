import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Prisma } from '../../../../prisma/sip/client/client.ts';
import { BadUserInputError, ForbiddenError } from '../../../../lib/errors.ts';
import { assertPageSize } from '../../../../lib/pagination/page-size.ts';
import { requiredText } from '../../../../lib/text-input.ts';
import {
  DEFAULT_DAILY_CHILDREN_THRESHOLD,
  REVIEW_KINDS,
  reviewRefusal,
  type ReviewKind as Kind,
} from '../../../../policy/review.ts';
import type { Requester } from '../../../../policy/roles.ts';
import { assertPrivacyOfficer } from '../access.ts';
import type { AuthorityContext } from '../context.ts';
import { reviewItems, type ReviewItemRow } from './review-queue.ts';
import { Review, ReviewItem, ReviewKind } from './review.type.ts';

const ALL_KINDS = Object.keys(REVIEW_KINDS) as Kind[];

const toItem = (reviewer: Requester, { itemKey, note, reviewedBy, reviewedAt, ...item }: ReviewItemRow): ReviewItem =>
  Object.assign(new ReviewItem(), {
    ...item,
    key: itemKey,
    reviewRefusal: reviewRefusal(reviewer, item.requesterSubject),
    review: note === null ? null : Object.assign(new Review(), { note, reviewedBy, reviewedAt }),
  });

@Resolver(() => ReviewItem)
export class ReviewResolver {
  @Query(() => [ReviewItem], {
    description:
      'The log review: staff-recorded consents, reads by staff with no relation to the child, lookups by ' +
      'personnummer and unusual volume, newest first; open items by default. Privacy officers.',
  })
  async reviewQueue(
    @Arg('kinds', () => [ReviewKind], { nullable: true, description: 'Default: every kind.' }) kinds: Kind[] | null,
    @Arg('reviewed', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'false: open items; true: reviewed ones; null: both.',
    })
    reviewed: boolean | null,
    @Arg('dailyChildrenAbove', () => Int, {
      defaultValue: DEFAULT_DAILY_CHILDREN_THRESHOLD,
      description: 'Unusual volume: more distinct children than this read by one person in one day.',
    })
    threshold: number,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() context: AuthorityContext,
  ): Promise<ReviewItem[]> {
    assertPrivacyOfficer(context.requester, 'review the log');
    assertPageSize(first);
    if (threshold < 0) throw new BadUserInputError('dailyChildrenAbove', 'must not be negative');
    const rows = await reviewItems(context.prisma, {
      kinds: kinds?.length ? kinds : ALL_KINDS,
      reviewed,
      threshold,
      first,
    });
    return rows.map((row) => toItem(context.requester, row));
  }

  @Mutation(() => ReviewItem, {
    description: 'Marks one item of the log review reviewed, with a note. Once per item; kept and never changed.',
  })
  async markReviewed(
    @Arg('kind', () => ReviewKind) kind: Kind,
    @Arg('key', () => String, { description: 'The item’s `key`, as `reviewQueue` lists it.' }) key: string,
    @Arg('note', () => String) note: string,
    @Arg('dailyChildrenAbove', () => Int, { defaultValue: DEFAULT_DAILY_CHILDREN_THRESHOLD }) threshold: number,
    @Ctx() context: AuthorityContext,
  ): Promise<ReviewItem> {
    assertPrivacyOfficer(context.requester, 'review the log');
    const text = requiredText(note, 'note');
    const find = () => reviewItems(context.prisma, { kinds: [kind], reviewed: null, threshold, first: 1, key });
    const [item] = await find();
    if (!item) throw new BadUserInputError('key', `no ${kind} item with this key`);
    const refusal = reviewRefusal(context.requester, item.requesterSubject);
    if (refusal) throw new ForbiddenError(refusal, 'key');
    try {
      await context.prisma.auditReview.create({
        data: { kind, itemKey: key, note: text, reviewedBy: context.requester.subject, reviewedAt: context.clock() },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        throw new BadUserInputError('key', 'already reviewed');
      throw error;
    }
    return toItem(context.requester, (await find())[0]!);
  }
}
