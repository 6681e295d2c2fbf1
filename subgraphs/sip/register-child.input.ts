import { Field, InputType } from 'type-graphql';

@InputType()
export class GuardianInput {
  @Field(() => String, { description: 'YYYYMMDD-NNNN or YYMMDD-NNNN' })
  personnummer!: string;

  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;

  @Field(() => Boolean, { description: 'Legal custody (vårdnad).' })
  hasCustody!: boolean;
}

@InputType()
export class RegisterChildInput {
  @Field(() => String, { description: 'YYYYMMDD-NNNN or YYMMDD-NNNN; the date of birth is read from it.' })
  personnummer!: string;

  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;

  @Field(() => [GuardianInput], { description: 'One or two guardians with custody, and any without.' })
  guardians!: GuardianInput[];
}
