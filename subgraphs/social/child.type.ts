import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The SIP core's child, extended with what social services know. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Child {
  @Field(() => ID)
  id!: string;
}
