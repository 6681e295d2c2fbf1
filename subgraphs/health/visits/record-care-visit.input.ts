import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { VisitMode } from './care-visit.type.ts';

@InputType()
export class RecordCareVisitInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => GraphQLLocalDate, { description: 'Today or earlier, while the child is in contact with your unit.' })
  date!: string;

  @Field(() => VisitMode)
  mode!: VisitMode;

  @Field(() => String, { description: 'Who the child met, e.g. "läkare".' })
  profession!: string;
}
