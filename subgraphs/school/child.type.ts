import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The SIP core's child, extended with what the school knows. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Child {
  @Field(() => ID)
  id!: string;
}
