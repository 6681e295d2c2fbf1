import type { fromAbsence } from '../ss12000/student-records.ts';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';

/** As SS 12000 tells absence apart: reported or granted (valid), or not reported (invalid, ogiltig). */
export enum AbsenceReason {
  REPORTED = 'REPORTED',
  LEAVE_GRANTED = 'LEAVE_GRANTED',
  UNREPORTED = 'UNREPORTED',
}

registerEnumType(AbsenceReason, {
  name: 'AbsenceReason',
  description: 'UNREPORTED absence is invalid (ogiltig); reported absence and granted leave are valid.',
  valuesConfig: {
    REPORTED: { description: 'Anmäld frånvaro: reported by the student or a guardian.' },
    LEAVE_GRANTED: { description: 'Beviljad ledighet: leave the school granted.' },
    UNREPORTED: {
      description: 'Ogiltig frånvaro: absence no one reported. Counted only in minutes per term (`attendance`).',
    },
  },
});

@ObjectType({ description: 'Reported absence or granted leave (frånvaro, ledighet) on one school day.' })
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

export const toAbsence = ({ id, date, minutes, reason }: ReturnType<typeof fromAbsence>): Absence =>
  Object.assign(new Absence(), {
    id,
    date: toLocalDate(date),
    minutes,
    reason: reason as AbsenceReason,
    valid: reason !== 'UNREPORTED',
  });
