import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Placement as PlacementRow } from '../../../prisma/social/client/client.ts';
import { LegalBasis, PlacementKind } from '../../../prisma/social/client/enums.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

registerEnumType(PlacementKind, {
  name: 'PlacementKind',
  description:
    'Out-of-home care (FAMILY_HOME familjehem, HVB, EMERGENCY_HOME jourhem, SUPPORTED_HOUSING stödboende), or a ' +
    'CONTACT_PERSON or CONTACT_FAMILY.',
});

@ObjectType({ description: 'An out-of-home placement, or a contact person or family.' })
export class Placement {
  @Field(() => ID)
  id!: string;

  @Field(() => PlacementKind)
  kind!: PlacementKind;

  @Field(() => LegalBasis)
  legalBasis!: LegalBasis;

  @Field(() => GraphQLLocalDate)
  startsOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  endsOn!: string | null;

  @Field(() => String)
  provider!: string;
}

export const PlacementConnection = connectionOf(Placement, 'Placement');

export const toPlacement = ({ id, kind, legalBasis, startsOn, endsOn, provider }: PlacementRow): Placement =>
  Object.assign(new Placement(), {
    id,
    kind,
    legalBasis,
    startsOn: toLocalDate(startsOn),
    endsOn: endsOn && toLocalDate(endsOn),
    provider,
  });
