import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { fromCondition } from '../fhir/care-resources.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

@ObjectType({ description: 'A diagnosis, by its ICD-10-SE code.' })
export class Diagnosis {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'ICD-10-SE, e.g. F90.0.' })
  code!: string;

  @Field(() => String)
  text!: string;

  @Field(() => GraphQLLocalDate)
  diagnosedOn!: string;

  @Field(() => String)
  unitName!: string;
}

export const DiagnosisConnection = connectionOf(Diagnosis, 'Diagnosis');

export const toDiagnosis = ({ id, code, text, diagnosedOn, unitName }: ReturnType<typeof fromCondition>): Diagnosis =>
  Object.assign(new Diagnosis(), { id, code, text, diagnosedOn: toLocalDate(diagnosedOn), unitName });
