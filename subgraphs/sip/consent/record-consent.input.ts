import { DateTime } from '../../../lib/scalars.ts';
import { Field, ID, InputType } from 'type-graphql';
import { ConsentForm } from '../../../prisma/sip/client/enums.ts';
import { Agency, ConsentScope } from '../../../lib/federation/policy-enums.ts';

@InputType()
export class RecordConsentInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => [ID], {
    description: 'The guardians with custody who gave the consent; each must be a custodian of the child.',
  })
  guardianIds!: string[];

  @Field(() => Boolean, { defaultValue: false, description: 'The child gave it; only from 15.' })
  givenByChild!: boolean;

  @Field(() => ConsentForm)
  form!: ConsentForm;

  @Field(() => [ConsentScope], { description: 'Information categories from consentScopes.' })
  scopes!: string[];

  @Field(() => [Agency])
  agencies!: Agency[];

  @Field(() => String, { description: 'What the information may be used for, e.g. the SIP it belongs to.' })
  purpose!: string;

  @Field(() => DateTime)
  validFrom!: Date;

  @Field(() => DateTime, { description: 'Exclusive; must be after validFrom.' })
  validUntil!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'A consent this one replaces (a new version); it stops holding now.',
  })
  replacesConsentId?: string | null;
}
