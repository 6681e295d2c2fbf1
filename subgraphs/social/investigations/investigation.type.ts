import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Investigation as InvestigationRow } from '../../../prisma/social/client/client.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

@ObjectType({ description: 'An investigation (utredning) in a social services case, and its assessment.' })
export class Investigation {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate)
  startedOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  completedOn!: string | null;

  @Field(() => String, { description: 'What started it, e.g. a report of concern (orosanmälan).' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'The assessment (bedömning), once written.' })
  assessment!: string | null;
}

export const InvestigationConnection = connectionOf(Investigation, 'Investigation');

export const toInvestigation = ({ id, startedOn, completedOn, reason, assessment }: InvestigationRow): Investigation =>
  Object.assign(new Investigation(), {
    id,
    startedOn: toLocalDate(startedOn),
    completedOn: completedOn && toLocalDate(completedOn),
    reason,
    assessment,
  });
