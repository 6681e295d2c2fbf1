import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A vårdnadshavare or other registered guardian.' })
export class Guardian {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'YYYYMMDD-NNNN' })
  personnummer!: string;

  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;
}

@ObjectType({ description: 'A guardian in relation to one child.' })
export class ChildGuardian {
  @Field(() => Guardian)
  guardian!: Guardian;

  @Field(() => Boolean, { description: 'Legal custody (vårdnad). Only guardians with custody consent for the child.' })
  hasCustody!: boolean;
}
