import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { fromMedicationStatement, fromProcedure } from '../fhir/care-resources.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

export enum TreatmentKind {
  MEDICATION = 'MEDICATION',
  THERAPY = 'THERAPY',
  OTHER = 'OTHER',
}

registerEnumType(TreatmentKind, { name: 'TreatmentKind' });

@ObjectType({ description: 'A treatment; for a medication, the substance and dosage.' })
export class Treatment {
  @Field(() => ID)
  id!: string;

  @Field(() => TreatmentKind)
  kind!: TreatmentKind;

  @Field(() => String, { description: 'The substance, or the treatment (e.g. KBT).' })
  name!: string;

  @Field(() => String, { nullable: true })
  dosage!: string | null;

  @Field(() => GraphQLLocalDate)
  startsOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  endsOn!: string | null;

  @Field(() => String)
  unitName!: string;
}

export const TreatmentConnection = connectionOf(Treatment, 'Treatment');

export const toTreatment = ({
  id,
  kind,
  name,
  dosage,
  startsOn,
  endsOn,
  unitName,
}: ReturnType<typeof fromMedicationStatement | typeof fromProcedure>): Treatment =>
  Object.assign(new Treatment(), {
    id,
    kind: kind as TreatmentKind,
    name,
    dosage,
    startsOn: toLocalDate(startsOn),
    endsOn: endsOn && toLocalDate(endsOn),
    unitName,
  });
