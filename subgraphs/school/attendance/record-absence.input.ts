import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AbsenceReason } from '../../../prisma/school/client/enums.ts';

@InputType()
export class RecordAbsenceInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => GraphQLLocalDate, { description: 'A school day (Monday to Friday), today or earlier.' })
  date!: string;

  @Field(() => Int, {
    description: 'Minutes absent, at most a school day (360) together with what is already recorded that day.',
  })
  minutes!: number;

  @Field(() => AbsenceReason)
  reason!: AbsenceReason;

  @Field(() => String, { nullable: true, description: 'Required for OTHER.' })
  note?: string | null;
}
