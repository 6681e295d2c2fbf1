import { DateTime } from '../../../../lib/scalars.ts';
import { Field, ID, InputType } from 'type-graphql';
import { ConsentForm } from '../../../../prisma/sip/client/enums.ts';
import { ConsentScope } from '../../../../lib/federation/policy-enums.ts';
import { ConsentRecipientsInput } from './recipients.type.ts';

/** What a consent releases, to whom and for how long: the same whoever gives or records it. */
@InputType()
export class ConsentTermsInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => [ConsentScope], { description: 'Information categories from consentScopes.' })
  scopes!: string[];

  @Field(() => ConsentRecipientsInput, {
    nullable: true,
    description: 'Who receives; by default the staff taking part in the linked SIP.',
  })
  recipients?: ConsentRecipientsInput | null;

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

@InputType({ description: 'A consent a guardian with custody, or the child from 15, gives in their own name.' })
export class GiveConsentInput extends ConsentTermsInput {
  @Field(() => ID, { nullable: true, description: 'A SIP about the child to link it to; its participants receive.' })
  sipId?: string | null;
}

@InputType({ description: 'The family’s oral or written word, recorded by staff taking part in the child’s open SIP.' })
export class RecordConsentInput extends ConsentTermsInput {
  @Field(() => ID, { description: 'The open SIP the recorder takes part in; the consent is linked to it.' })
  sipId!: string;

  @Field(() => [ID], {
    description: 'The guardians with custody whose word it is; each must be a custodian of the child.',
  })
  guardianIds!: string[];

  @Field(() => Boolean, { defaultValue: false, description: 'The child’s own word; only from 15.' })
  givenByChild!: boolean;

  @Field(() => ConsentForm, { description: 'WRITTEN or ORAL.' })
  form!: ConsentForm;
}
