import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { HealthContext } from '../context.ts';
import { CareVisit, toCareVisit } from './care-visit.type.ts';
import { recordCareVisit } from './record-care-visit.ts';
import { RecordCareVisitInput } from './record-care-visit.input.ts';

/** Health care's own staff record care contacts. */
@Resolver(() => CareVisit)
export class CareVisitResolver {
  @Mutation(() => CareVisit, { description: 'Records a care contact (vårdkontakt) at your own unit.' })
  async recordCareVisit(
    @Arg('input', () => RecordCareVisitInput) input: RecordCareVisitInput,
    @Ctx() context: HealthContext,
  ): Promise<CareVisit> {
    return toCareVisit(await recordCareVisit(context, input));
  }
}
