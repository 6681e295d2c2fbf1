import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { LegalBasis } from '../../../prisma/social/client/enums.ts';

@InputType()
export class RecordSocialInterventionInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => String, { description: 'What is granted, e.g. "Kontaktperson".' })
  kind!: string;

  @Field(() => LegalBasis, { description: 'SOL or LSS.' })
  legalBasis!: LegalBasis;

  @Field(() => String, { description: 'The section of the act, naming it, e.g. "4 kap. 1 § SoL".' })
  provision!: string;

  @Field(() => GraphQLLocalDate, { description: 'Today or earlier.' })
  decidedOn!: string;

  @Field(() => GraphQLLocalDate, { description: 'Not before decidedOn.' })
  startsOn!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Not before startsOn; null while open-ended.' })
  endsOn?: string | null;

  @Field(() => String)
  provider!: string;
}
