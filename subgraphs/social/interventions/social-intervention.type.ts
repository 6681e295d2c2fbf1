import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { SocialIntervention as InterventionRow } from '../../../prisma/social/client/client.ts';
import { LegalBasis } from '../../../prisma/social/client/enums.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

registerEnumType(LegalBasis, {
  name: 'LegalBasis',
  description: 'SoL (Socialtjänstlagen), LSS, or LVU (care without consent; placements only).',
});

@ObjectType({ description: 'A decided intervention (insats) under SoL or LSS.' })
export class SocialIntervention {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'E.g. "Kontaktperson", "Korttidsvistelse", "Föräldraskapsstöd".' })
  kind!: string;

  @Field(() => LegalBasis)
  legalBasis!: LegalBasis;

  @Field(() => String, { description: 'The section of the act, e.g. "4 kap. 1 § SoL" or "9 § 6 LSS".' })
  provision!: string;

  @Field(() => GraphQLLocalDate)
  decidedOn!: string;

  @Field(() => GraphQLLocalDate)
  startsOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  endsOn!: string | null;

  @Field(() => String, { description: 'Who provides it (utförare).' })
  provider!: string;

  @Field(() => String)
  decidedBy!: string;
}

export const SocialInterventionConnection = connectionOf(SocialIntervention, 'SocialIntervention');

export const toSocialIntervention = (row: InterventionRow): SocialIntervention =>
  Object.assign(new SocialIntervention(), {
    id: row.id,
    kind: row.kind,
    legalBasis: row.legalBasis,
    provision: row.provision,
    provider: row.provider,
    decidedBy: row.decidedBy,
    decidedOn: toLocalDate(row.decidedOn),
    startsOn: toLocalDate(row.startsOn),
    endsOn: row.endsOn && toLocalDate(row.endsOn),
  });
