import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../../../lib/scalars.ts';

@ObjectType({
  description:
    'The plan in a few plain Swedish sentences for the child: what will happen, who helps, when we meet again.',
})
export class ChildSummary {
  @Field(() => [String])
  whatWillHappen!: string[];

  @Field(() => [String])
  whoHelps!: string[];

  @Field(() => DateTime, { nullable: true, description: 'The next meeting booked; null if none is.' })
  nextMeetingAt!: Date | null;

  @Field(() => GraphQLLocalDate, { description: 'The plan is followed up by this day.' })
  followUpOn!: string;

  @Field(() => String, { description: 'The whole summary as plain text.' })
  text!: string;

  @Field(() => String, { description: 'The summary as one printable page.' })
  printableHtml!: string;
}

@ObjectType({ description: 'A plan’s summary, as the child reads it.' })
export class ChildPlanSummary {
  @Field(() => ID)
  sipId!: string;

  @Field(() => Int, { description: 'The plan version it summarises.' })
  versionNumber!: number;

  @Field(() => ChildSummary)
  summary!: ChildSummary;
}
