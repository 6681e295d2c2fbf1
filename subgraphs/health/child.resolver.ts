import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Consent } from '../../lib/consent/consent.directive.ts';
import { toConnection, type Connection } from '../../lib/pagination/connection.ts';
import { pageRequest, TimelineArgs } from '../../lib/pagination/page-args.ts';
import { CareContact, toCareContact } from './care-contact.type.ts';
import { Child } from './child.type.ts';
import type { HealthContext } from './context.ts';
import { Diagnosis, DiagnosisConnection, toDiagnosis } from './diagnoses/diagnosis.type.ts';
import { Referral, ReferralConnection, toReferral } from './referrals/referral.type.ts';
import { Treatment, TreatmentConnection, toTreatment } from './treatments/treatment.type.ts';
import { CareVisit, CareVisitConnection, toCareVisit } from './visits/care-visit.type.ts';

/** Health care's fields on the SIP core's `Child`, one consent scope per information category. */
@Resolver(() => Child)
export class ChildResolver {
  @Consent('HEALTH_CARE_CONTACTS')
  @FieldResolver(() => [CareContact], {
    nullable: true,
    description: 'The care units the child is in contact with today (a handful at most, so not paged).',
  })
  async careContacts(@Root() child: Child, @Ctx() context: HealthContext): Promise<CareContact[] | null> {
    const rows = await context.loaders.currentCareContactsByChildId.load(child.id);
    return rows.map(toCareContact);
  }

  @Consent('HEALTH_CARE_CONTACTS')
  @FieldResolver(() => CareVisitConnection, {
    nullable: true,
    description: 'Care contacts (vårdkontakter): visits and calls, newest first.',
  })
  async careVisits(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: HealthContext,
  ): Promise<Connection<CareVisit>> {
    return toConnection(
      await context.loaders.careVisits.load({ childId: child.id, request: pageRequest(args, context) }),
      toCareVisit,
    );
  }

  @Consent('HEALTH_DIAGNOSES')
  @FieldResolver(() => DiagnosisConnection, { nullable: true, description: 'Diagnoses (ICD-10-SE), newest first.' })
  async diagnoses(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: HealthContext,
  ): Promise<Connection<Diagnosis>> {
    return toConnection(
      await context.loaders.diagnoses.load({ childId: child.id, request: pageRequest(args, context) }),
      toDiagnosis,
    );
  }

  @Consent('HEALTH_MEDICATION')
  @FieldResolver(() => TreatmentConnection, {
    nullable: true,
    description: 'Treatments and medications, newest first.',
  })
  async treatments(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: HealthContext,
  ): Promise<Connection<Treatment>> {
    return toConnection(
      await context.loaders.treatments.load({ childId: child.id, request: pageRequest(args, context) }),
      toTreatment,
    );
  }

  @Consent('HEALTH_REFERRALS')
  @FieldResolver(() => ReferralConnection, {
    nullable: true,
    description: 'Referrals (remisser) between care units, newest first.',
  })
  async referrals(
    @Root() child: Child,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() context: HealthContext,
  ): Promise<Connection<Referral>> {
    return toConnection(
      await context.loaders.referrals.load({ childId: child.id, request: pageRequest(args, context) }),
      toReferral,
    );
  }
}
