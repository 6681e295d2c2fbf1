import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type {
  ActionProgramme as ProgrammeRow,
  ExtraAdaptation as AdaptationRow,
} from '../../../prisma/school/client/client.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

@ObjectType({ description: 'An extra adaptation (extra anpassning) within ordinary teaching.' })
export class ExtraAdaptation {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true, description: 'The subject, when it concerns one.' })
  subject!: string | null;

  @Field(() => GraphQLLocalDate)
  startsOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  endsOn!: string | null;

  @Field(() => String)
  decidedBy!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  evaluatedOn!: string | null;
}

@ObjectType({ description: "An action programme (åtgärdsprogram): the principal's decision on special support." })
export class ActionProgramme {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate)
  decidedOn!: string;

  @Field(() => String)
  needs!: string;

  @Field(() => String)
  measures!: string;

  @Field(() => GraphQLLocalDate)
  evaluateOn!: string;

  @Field(() => String)
  decidedBy!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  endedOn!: string | null;
}

export const ExtraAdaptationConnection = connectionOf(ExtraAdaptation, 'ExtraAdaptation');
export const ActionProgrammeConnection = connectionOf(ActionProgramme, 'ActionProgramme');

const optionalDate = (date: Date | null) => date && toLocalDate(date);

export const toExtraAdaptation = (row: AdaptationRow): ExtraAdaptation =>
  Object.assign(new ExtraAdaptation(), {
    ...row,
    startsOn: toLocalDate(row.startsOn),
    endsOn: optionalDate(row.endsOn),
    evaluatedOn: optionalDate(row.evaluatedOn),
  });

export const toActionProgramme = (row: ProgrammeRow): ActionProgramme =>
  Object.assign(new ActionProgramme(), {
    ...row,
    decidedOn: toLocalDate(row.decidedOn),
    evaluateOn: toLocalDate(row.evaluateOn),
    endedOn: optionalDate(row.endedOn),
  });
