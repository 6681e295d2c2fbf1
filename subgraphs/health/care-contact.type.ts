import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { fromEpisodeOfCare } from './fhir/care-resources.ts';
import { Child } from './child.type.ts';
import { toLocalDate } from '../../lib/periods.ts';
import { connectionOf } from '../../lib/pagination/connection.ts';

export enum CareUnitType {
  BUP = 'BUP',
  HABILITERING = 'HABILITERING',
  VARDCENTRAL = 'VARDCENTRAL',
  PAEDIATRICS = 'PAEDIATRICS',
}

registerEnumType(CareUnitType, {
  name: 'CareUnitType',
  valuesConfig: {
    BUP: { description: 'Barn- och ungdomspsykiatri (child and adolescent psychiatry).' },
    HABILITERING: { description: 'Habilitering for children with lasting disabilities.' },
    VARDCENTRAL: { description: 'Vårdcentral (primary care).' },
    PAEDIATRICS: { description: 'Barn- och ungdomsmedicin (paediatrics).' },
  },
});

@ObjectType({ description: 'A contact between a child and a care unit.' })
export class CareContact {
  @Field(() => ID)
  id!: string;

  @Field(() => Child)
  child!: Child;

  @Field(() => String)
  unitName!: string;

  @Field(() => CareUnitType)
  unitType!: CareUnitType;

  @Field(() => GraphQLLocalDate)
  startDate!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  endDate!: string | null;
}

export const CareContactConnection = connectionOf(CareContact, 'CareContact');

export function toCareContact(row: ReturnType<typeof fromEpisodeOfCare> & { childId: string }): CareContact {
  return Object.assign(new CareContact(), {
    ...row,
    child: Object.assign(new Child(), { id: row.childId }),
    startDate: toLocalDate(row.startDate),
    endDate: row.endDate && toLocalDate(row.endDate),
  });
}
