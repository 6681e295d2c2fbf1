import { Field, InputType } from 'type-graphql';
import { Agency } from '../../../../lib/federation/policy-enums.ts';

@InputType({ description: 'A staff member the rule decides for, as their token would name them.' })
export class ConsentReaderInput {
  @Field(() => String)
  subject!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;
}
