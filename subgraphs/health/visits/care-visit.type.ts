import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CareUnitType } from '../care-contact.type.ts';
import type { fromEncounter } from '../fhir/care-resources.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

export enum VisitMode {
  IN_PERSON = 'IN_PERSON',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
}

registerEnumType(VisitMode, { name: 'VisitMode' });

@ObjectType({ description: 'A care contact (vårdkontakt): one visit or call at a unit.' })
export class CareVisit {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate)
  date!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => CareUnitType)
  unitType!: CareUnitType;

  @Field(() => VisitMode)
  mode!: VisitMode;

  @Field(() => String, { description: 'Who the child met, e.g. "läkare", "psykolog".' })
  profession!: string;
}

export const CareVisitConnection = connectionOf(CareVisit, 'CareVisit');

export const toCareVisit = ({ id, date, unitName, unitType, mode, profession }: ReturnType<typeof fromEncounter>) =>
  Object.assign(new CareVisit(), {
    id,
    date: toLocalDate(date),
    unitName,
    unitType: unitType as CareUnitType,
    mode: mode as VisitMode,
    profession,
  });
