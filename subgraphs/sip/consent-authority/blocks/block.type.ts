import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Agency, ConsentScope } from '../../../../lib/federation/policy-enums.ts';
import { DateTime } from '../../../../lib/scalars.ts';

@ObjectType({ description: 'A unit a block keeps data from.' })
export class BlockedUnit {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;
}

@ObjectType({
  description:
    'A block (spärr): categories of the child’s data, or one record, kept from every other agency or from named ' +
    'units, until `until` or until the family lifts it. It goes before every consent and emergency access: a ' +
    'blocked category is withheld (reason BLOCKED), a blocked record is left out of its list (RECORDS_LEFT_OUT ' +
    'says how many) or withheld where it stands alone.',
})
export class Block {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => [ConsentScope])
  scopes!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The one record kept (a diagnosis, a placement, an intervention); null: the whole categories.',
  })
  recordId!: string | null;

  @Field(() => [BlockedUnit], { description: 'Empty: every other agency.' })
  fromUnits!: BlockedUnit[];

  @Field(() => DateTime, { nullable: true, description: 'Exclusive; null: until lifted.' })
  until!: Date | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { description: 'The family member whose block it is.' })
  givenBy!: string;

  @Field(() => String)
  recordedBy!: string;

  @Field(() => Boolean, { description: 'Staff recorded it on the family’s word; a privacy officer reviews it.' })
  recordedByStaff!: boolean;

  @Field(() => DateTime)
  placedAt!: Date;

  @Field(() => DateTime, { nullable: true })
  liftedAt!: Date | null;
}

@InputType()
export class BlockedUnitInput {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String)
  unit!: string;
}

@InputType()
export class PlaceBlockInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => [ConsentScope], { description: 'The categories; with `recordId`, the one the record is listed under.' })
  scopes!: string[];

  @Field(() => ID, {
    nullable: true,
    description:
      'Only this record (its `id` in the agency’s list, e.g. one diagnosis); leave out to block the whole categories.',
  })
  recordId?: string | null;

  @Field(() => [BlockedUnitInput], { defaultValue: [], description: 'Empty: every other agency.' })
  fromUnits!: BlockedUnitInput[];

  @Field(() => DateTime, { nullable: true, description: 'Exclusive; leave out for until lifted.' })
  until?: Date | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Staff only: the child’s open SIP they take part in, where the family asked for the block.',
  })
  sipId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Staff only: the guardian with custody (or the child from 15) whose word it is.',
  })
  givenBy?: string | null;
}
