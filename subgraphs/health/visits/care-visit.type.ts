import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { CareContact as ContactRow, CareVisit as VisitRow } from '../../../prisma/health/client/client.ts';
import { CareUnitType, VisitMode } from '../../../prisma/health/client/enums.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

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

export const toCareVisit = ({ id, date, mode, profession, contact }: VisitRow & { contact: ContactRow }): CareVisit =>
  Object.assign(new CareVisit(), {
    id,
    date: toLocalDate(date),
    unitName: contact.unitName,
    unitType: contact.unitType,
    mode,
    profession,
  });
