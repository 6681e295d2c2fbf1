import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../../../lib/scalars.ts';
import { REVIEW_KINDS, type ReviewKind as Kind } from '../../../../policy/review.ts';

export const ReviewKind = Object.fromEntries(Object.keys(REVIEW_KINDS).map((kind) => [kind, kind])) as {
  [K in Kind]: K;
};
registerEnumType(ReviewKind, {
  name: 'ReviewKind',
  description: 'What a privacy officer reviews in the log.',
  valuesConfig: Object.fromEntries(
    Object.entries(REVIEW_KINDS).map(([kind, description]) => [kind, { description }]),
  ) as Record<Kind, { description: string }>,
});

@ObjectType({ description: 'A privacy officer’s review of an item, with their note.' })
export class Review {
  @Field(() => String)
  note!: string;

  @Field(() => String)
  reviewedBy!: string;

  @Field(() => DateTime)
  reviewedAt!: Date;
}

@ObjectType({ description: 'One item of the log review.' })
export class ReviewItem {
  @Field(() => ReviewKind)
  kind!: Kind;

  @Field(() => String, {
    description: 'A consent id, an audit record id, or "<requester>/<YYYY-MM-DD>" for unusual volume.',
  })
  key!: string;

  @Field(() => ID, { nullable: true })
  childId!: string | null;

  @Field(() => String)
  requesterSubject!: string;

  @Field(() => String, { nullable: true })
  requesterName!: string | null;

  @Field(() => DateTime)
  at!: Date;

  @Field(() => String)
  detail!: string;

  @Field(() => Review, { nullable: true, description: 'Null until reviewed.' })
  review!: Review | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the asking privacy officer may not review this item (their own act); null when they may.',
  })
  reviewRefusal!: string | null;
}
