import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Consent } from '../../lib/consent/consent.directive.ts';
import { BadUserInputError } from '../../lib/errors.ts';
import { toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { pageRequest, TimelineArgs } from '../../lib/pagination/page-args.ts';
import { swedishDate } from '../../lib/periods.ts';
import { Absence, AbsenceConnection, TermAttendance, toAbsence } from './attendance/absence.type.ts';
import { termAttendance } from './attendance/term-attendance.ts';
import { termByCode, termOn } from './attendance/terms.ts';
import { Child } from './child.type.ts';
import type { SchoolContext } from './context.ts';
import {
  StudentHealthContact,
  StudentHealthContactConnection,
  toStudentHealthContact,
} from './health-team/student-health-contact.type.ts';
import { SchoolPlacement, toSchoolPlacement } from './school-placement.type.ts';
import {
  ActionProgramme,
  ActionProgrammeConnection,
  ExtraAdaptation,
  ExtraAdaptationConnection,
  toActionProgramme,
  toExtraAdaptation,
} from './support/support.type.ts';

/** The school's fields on the SIP core's `Child`, one consent scope per information category. */
@Resolver(() => Child)
export class ChildResolver {
  @Consent('SCHOOL_ENROLMENT')
  @FieldResolver(() => SchoolPlacement, {
    nullable: true,
    description: 'Where the child goes to school today: school, unit, class, grade, mentor.',
  })
  async schoolPlacement(@Root() child: Child, @Ctx() context: SchoolContext): Promise<SchoolPlacement | null> {
    const row = await context.loaders.currentPlacementByChildId.load(child.id);
    return row && toSchoolPlacement(row);
  }

  @Consent('SCHOOL_ATTENDANCE')
  @FieldResolver(() => AbsenceConnection, { nullable: true, description: 'Absences, newest first.' })
  async absences(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: SchoolContext,
  ): Promise<Connection<Absence>> {
    return toConnection(
      await context.loaders.absences.load({ childId: child.id, request: pageRequest(args, context) }),
      toAbsence,
    );
  }

  @Consent('SCHOOL_ATTENDANCE')
  @FieldResolver(() => TermAttendance, {
    nullable: true,
    description: 'Attendance in a term (default: the current one), with absence by reason.',
  })
  async attendance(
    @Root() child: Child,
    @Arg('term', () => String, { nullable: true, description: 'HT2026, VT2027, …' }) code: string | undefined,
    @Ctx() context: SchoolContext,
  ): Promise<TermAttendance> {
    const today = context.clock();
    const term = code == null ? termOn(swedishDate(today)) : termByCode(code);
    if (!term) throw new BadUserInputError('term', 'must be HT or VT followed by a year, e.g. HT2026');
    return termAttendance(term, await context.loaders.termAbsences.load(`${term.code}#${child.id}`), today);
  }

  @Consent('SCHOOL_SUPPORT')
  @FieldResolver(() => ExtraAdaptationConnection, {
    nullable: true,
    description:
      'Extra adaptations (extra anpassningar), newest first. From the school’s own records: SS 12000 has no ' +
      'resource for them.',
  })
  async extraAdaptations(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: SchoolContext,
  ): Promise<Connection<ExtraAdaptation>> {
    return toConnection(
      await context.loaders.extraAdaptations.load({ childId: child.id, request: pageRequest(args, context) }),
      toExtraAdaptation,
    );
  }

  @Consent('SCHOOL_SUPPORT')
  @FieldResolver(() => ActionProgrammeConnection, {
    nullable: true,
    description:
      'Action programmes (åtgärdsprogram) for special support, newest first. From the school’s own records: ' +
      'SS 12000 has no resource for them.',
  })
  async actionProgrammes(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: SchoolContext,
  ): Promise<Connection<ActionProgramme>> {
    return toConnection(
      await context.loaders.actionProgrammes.load({ childId: child.id, request: pageRequest(args, context) }),
      toActionProgramme,
    );
  }

  @Consent('SCHOOL_HEALTH_TEAM')
  @FieldResolver(() => StudentHealthContactConnection, {
    nullable: true,
    description:
      'Contacts with the student health team (elevhälsan), newest first. From the school’s own records: ' +
      'SS 12000 names the team’s staff, not what they record.',
  })
  async studentHealthContacts(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: SchoolContext,
  ): Promise<Connection<StudentHealthContact>> {
    return toConnection(
      await context.loaders.studentHealthContacts.load({ childId: child.id, request: pageRequest(args, context) }),
      toStudentHealthContact,
    );
  }
}
