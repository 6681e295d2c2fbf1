import { Arg, Args, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../lib/errors.ts';
import { toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { pageOfRows } from '../../lib/pagination/source-timeline.ts';
import { PageArgs, pageRequest } from '../../lib/pagination/page-args.ts';
import { assertPageSize } from '../../lib/pagination/page-size.ts';
import { swedishDate, swedishToday } from '../../lib/periods.ts';
import { StudentAbsence } from './attendance/student-absence.type.ts';
import { termAttendance } from './attendance/term-attendance.ts';
import { termByCode, termOn } from './attendance/terms.ts';
import type { SchoolContext } from './context.ts';
import { SchoolPlacement, SchoolPlacementConnection, toSchoolPlacement } from './school-placement.type.ts';
import { inForce, type PlacementRow } from './ss12000/student-records.ts';
import { childrenOfPersons, studentsWithPlacements } from './ss12000/students.ts';

/**
 * The graph's children enrolled today at a school unit, with their enrolment: the unit's classes
 * and their members from the student information system, then those students, a few calls in all.
 */
async function enrolledAt(context: SchoolContext, schoolUnitCode: string): Promise<PlacementRow[]> {
  const today = swedishToday(context.clock());
  const unit = (await context.source.organisationsBySchoolUnitCode([schoolUnitCode])).get(schoolUnitCode);
  if (!unit) return [];
  const classes = await context.source.groupsAt([unit.id], 'Klass');
  const members = classes.flatMap((group) =>
    (group.groupMemberships ?? []).filter((membership) => inForce(membership, today)).map(({ person }) => person.id),
  );
  const persons = await context.source.personsById(members, 'groupMemberships');
  const children = await childrenOfPersons(context.childIdentities, [...persons.values()]);
  const students = await studentsWithPlacements(context.source, children, today);
  return students.flatMap(({ placement }) => (placement?.schoolUnitCode === schoolUnitCode ? [placement] : []));
}

/** Queries for the school's own staff. */
@Resolver(() => SchoolPlacement)
export class SchoolPlacementResolver {
  @Query(() => SchoolPlacementConnection, {
    description: 'Students placed at a school unit today, most recently enrolled first.',
  })
  async schoolPlacements(
    @Arg('schoolUnitCode', () => String) schoolUnitCode: string,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SchoolContext,
  ): Promise<Connection<SchoolPlacement>> {
    const rows = (await enrolledAt(context, schoolUnitCode)).map((placement) => ({
      ...placement,
      at: placement.startDate,
    }));
    return toConnection(pageOfRows(rows, pageRequest(args)), toSchoolPlacement);
  }

  @Query(() => [StudentAbsence], {
    description:
      'Students at a school unit whose absence in a term (default: the current one) is at least minPercent, highest ' +
      'first. A ranking: `first` caps it, it has no cursor.',
  })
  async studentsWithHighAbsence(
    @Arg('schoolUnitCode', () => String) schoolUnitCode: string,
    @Arg('minPercent', () => Float, {
      defaultValue: 15,
      description: 'The least share of the term’s school time absent, in percent (0–100).',
    })
    minPercent: number,
    @Arg('term', () => String, { nullable: true, description: 'HT2026, VT2027, …; default: the term today.' })
    code: string | undefined,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() context: SchoolContext,
  ): Promise<StudentAbsence[]> {
    assertPageSize(first);
    if (!(minPercent >= 0 && minPercent <= 100)) throw new BadUserInputError('minPercent', 'must be between 0 and 100');
    const today = context.clock();
    const term = code == null ? termOn(swedishDate(today)) : termByCode(code);
    if (!term) throw new BadUserInputError('term', 'must be HT or VT followed by a year, e.g. HT2026');
    const placements = await enrolledAt(context, schoolUnitCode);
    const absences = await context.loaders.termAbsences.loadMany(placements.map((p) => `${term.code}#${p.childId}`));
    return placements
      .map((placement, i) => {
        const rows = absences[i];
        if (rows instanceof Error) throw rows;
        return Object.assign(new StudentAbsence(), {
          placement: toSchoolPlacement(placement),
          attendance: termAttendance(term, rows, today),
        });
      })
      .filter((student) => student.attendance.absencePercent >= minPercent)
      .sort(
        (a, b) =>
          b.attendance.absencePercent - a.attendance.absencePercent || a.placement.id.localeCompare(b.placement.id),
      )
      .slice(0, first);
  }
}
