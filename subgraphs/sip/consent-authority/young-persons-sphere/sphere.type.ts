import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../../../lib/scalars.ts';
import { SPHERE_PARTS, type SpherePart as Part } from '../../../../policy/young-persons-sphere.ts';

export const SpherePart = Object.fromEntries(Object.keys(SPHERE_PARTS).map((part) => [part, part])) as {
  [K in Part]: K;
};
registerEnumType(SpherePart, {
  name: 'SpherePart',
  description: 'A part of what the graph holds about a young person that they may keep from their guardians.',
  valuesConfig: Object.fromEntries(
    Object.entries(SPHERE_PARTS).map(([part, description]) => [part, { description }]),
  ) as Record<Part, { description: string }>,
});

@ObjectType({
  description:
    'What a young person keeps from their guardians (offentlighets- och sekretesslagen 12 kap. 3 §): theirs to ' +
    'choose from 15, or younger once staff taking part in their SIP judged them mature enough.',
})
export class YoungPersonsSphere {
  @Field(() => ID)
  childId!: string;

  @Field(() => [SpherePart])
  keptFromGuardians!: Part[];

  @Field(() => DateTime, { nullable: true, description: 'When the young person last chose; null if never.' })
  chosenAt!: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When staff recorded the child mature enough to choose before 15; null if never.',
  })
  maturityAssessedAt!: Date | null;
}

@ObjectType({
  description: 'Staff’s judgement that a child under 15 is mature enough to keep things from their guardians.',
})
export class MaturityAssessment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => ID)
  sipId!: string;

  @Field(() => String)
  assessedBy!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => DateTime)
  assessedAt!: Date;
}
