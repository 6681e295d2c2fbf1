import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Absence as AbsenceRow } from '../../../prisma/school/client/client.ts';
import { AbsenceReason } from '../../../prisma/school/client/enums.ts';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

registerEnumType(AbsenceReason, {
  name: 'AbsenceReason',
  description: 'UNREPORTED absence is invalid (ogiltig); every other reason is valid.',
});

@ObjectType({ description: 'Absence (frånvaro) on one school day.' })
export class Absence {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLLocalDate)
  date!: string;

  @Field(() => Int)
  minutes!: number;

  @Field(() => AbsenceReason)
  reason!: AbsenceReason;

  @Field(() => Boolean, { description: 'Valid (giltig) absence.' })
  valid!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

export const AbsenceConnection = connectionOf(Absence, 'Absence');

@ObjectType()
export class AbsenceByReason {
  @Field(() => AbsenceReason)
  reason!: AbsenceReason;

  @Field(() => Int)
  minutes!: number;
}

@ObjectType({
  description: 'Attendance in one term, against the standard school calendar (weekdays, 360 minutes a day).',
})
export class TermAttendance {
  @Field(() => String, { description: 'HT2026 (autumn) or VT2027 (spring).' })
  term!: string;

  @Field(() => Int, { description: 'School days so far in the term.' })
  schoolDays!: number;

  @Field(() => Int)
  absentMinutes!: number;

  @Field(() => Int)
  invalidAbsentMinutes!: number;

  @Field(() => Float, { description: 'Absence as a share of scheduled time so far, in per cent, one decimal.' })
  absencePercent!: number;

  @Field(() => [AbsenceByReason])
  byReason!: AbsenceByReason[];
}

export const toAbsence = ({ id, date, minutes, reason, valid, note }: AbsenceRow): Absence =>
  Object.assign(new Absence(), { id, date: toLocalDate(date), minutes, reason, valid, note });
