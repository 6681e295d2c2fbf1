import { Field, InputType } from 'type-graphql';

@InputType()
export class RegisterChildInput {
  @Field(() => String, {
    description:
      'YYYYMMDD-NNNN or YYMMDD-NNNN. The name, the date of birth and the guardians with custody are the ' +
      'population register’s, never the caller’s word.',
  })
  personnummer!: string;
}
