import { Field, ObjectType } from 'type-graphql';
import { SchoolPlacement } from '../school-placement.type.ts';
import { TermAttendance } from './absence.type.ts';

@ObjectType({ description: 'A student and their attendance in a term.' })
export class StudentAbsence {
  @Field(() => SchoolPlacement)
  placement!: SchoolPlacement;

  @Field(() => TermAttendance)
  attendance!: TermAttendance;
}
