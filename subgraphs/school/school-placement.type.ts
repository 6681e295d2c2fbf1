import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PlacementRow } from './ss12000/student-records.ts';
import { Child } from './child.type.ts';
import { toLocalDate } from '../../lib/periods.ts';
import { connectionOf } from '../../lib/pagination/connection.ts';

@ObjectType({ description: "A child's enrolment at a school unit (skolenhet)." })
export class SchoolPlacement {
  @Field(() => ID)
  id!: string;

  @Field(() => Child)
  child!: Child;

  @Field(() => String)
  schoolName!: string;

  @Field(() => String, { description: 'The school unit code in Skolverket’s register.' })
  schoolUnitCode!: string;

  @Field(() => String)
  className!: string;

  @Field(() => Int, { description: 'Årskurs; 0 is förskoleklass.' })
  grade!: number;

  @Field(() => String, { nullable: true, description: 'The mentor, who follows the student’s development.' })
  mentor!: string | null;

  @Field(() => GraphQLLocalDate)
  startDate!: string;

  @Field(() => GraphQLLocalDate, { nullable: true })
  endDate!: string | null;
}

export const SchoolPlacementConnection = connectionOf(SchoolPlacement, 'SchoolPlacement');

export function toSchoolPlacement(row: PlacementRow): SchoolPlacement {
  return Object.assign(new SchoolPlacement(), {
    ...row,
    child: Object.assign(new Child(), { id: row.childId }),
    startDate: toLocalDate(row.startDate),
    endDate: row.endDate && toLocalDate(row.endDate),
  });
}
