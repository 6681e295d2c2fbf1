import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ChildGuardian } from './guardian.type.ts';

@ObjectType({
  description:
    'The child a SIP is about (huvudperson). Owned by the SIP core; agencies add their fields. The identity fields ' +
    '(name, personnummer, date of birth, guardians) are served to the family, and to staff who take part in one of ' +
    'the child’s SIPs, are named by a consent, or looked the child up by personnummer; every staff read is logged. ' +
    'Otherwise they are null with a FORBIDDEN error.',
})
@Directive('@key(fields: "id")')
export class Child {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'YYYYMMDD-NNNN' })
  personnummer!: string;

  @Field(() => String, { nullable: true })
  givenName!: string;

  @Field(() => String, { nullable: true })
  familyName!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  dateOfBirth!: string;

  @Field(() => [ChildGuardian], { nullable: true })
  guardians!: ChildGuardian[];
}
