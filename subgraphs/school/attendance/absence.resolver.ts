import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SchoolContext } from '../context.ts';
import { Absence, toAbsence } from './absence.type.ts';
import { recordAbsence } from './record-absence.ts';
import { RecordAbsenceInput } from './record-absence.input.ts';

/** The school's own staff record absence. */
@Resolver(() => Absence)
export class AbsenceResolver {
  @Mutation(() => Absence, { description: 'Records absence for a student of your own school.' })
  async recordAbsence(
    @Arg('input', () => RecordAbsenceInput) input: RecordAbsenceInput,
    @Ctx() context: SchoolContext,
  ): Promise<Absence> {
    return toAbsence(await recordAbsence(context, input));
  }
}
