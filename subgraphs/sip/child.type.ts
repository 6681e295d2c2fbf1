import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ChildGuardian } from './guardian.type.ts';

@ObjectType({
  description: 'The child a SIP is about (huvudperson). Owned by the SIP core; agencies add their fields.',
})
@Directive('@key(fields: "id")')
export class Child {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'YYYYMMDD-NNNN' })
  personnummer!: string;

  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;

  @Field(() => GraphQLLocalDate)
  dateOfBirth!: string;

  @Field(() => [ChildGuardian])
  guardians!: ChildGuardian[];
}
