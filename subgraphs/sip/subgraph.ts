// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { PrismaClient } from '../../prisma/sip/client/client.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { resolveChildReference } from './child.reference.ts';
import { ReviewResolver } from './audit/review.resolver.ts';
import { EmergencyAccessResolver } from './emergency/emergency-access.resolver.ts';
import { BlocksResolver } from './blocks/blocks.resolver.ts';
import { resolvePlanInterventionReference } from './plan/plan-intervention.reference.ts';
import { AuditResolver } from './audit/audit.resolver.ts';
import { ChildResolver } from './child.resolver.ts';
import { MeetingResolver } from './meetings/meeting.resolver.ts';
import { SipMeetingsResolver } from './meetings/sip-meetings.resolver.ts';
import { PlanVersionResolver } from './plan/plan-version.resolver.ts';
import { SipPlanResolver } from './plan/sip-plan.resolver.ts';
import { ChildSummaryResolver } from './plan/child-summary.resolver.ts';
import { ChildSipsResolver } from './process/child-sips.resolver.ts';
import { SipLifecycleResolver } from './process/sip-lifecycle.resolver.ts';
import { SipResolver } from './process/sip.resolver.ts';
import { CONSENT_DECISIONS_PATH, CONSENT_RELEASES_PATH } from '../../lib/consent/consent-decision.ts';
import { consentReleasesRoute } from './consent/consent-releases.route.ts';
import { consentDecisionsRoute } from './consent/consent-decisions.route.ts';
import { ConsentResolver } from './consent/consent.resolver.ts';
import { subgraphCallFirstUse } from './consent/subgraph-call-first-use.ts';
import { createSipContext, type SipContext } from './context.ts';
import { CHILD_IDENTITIES_PATH } from '../../lib/subgraph/child-identities.ts';
import { childIdentitiesRoute } from './child-identities.route.ts';

/**
 * The SIP core: owns `Child` and its guardians, the SIP process (meetings, plan versions, signatures), the consents,
 * the consent decisions and their audit log.
 */
export const sipSubgraph: SubgraphDefinition<PrismaClient, SipContext> = {
  name: 'sip',
  schema: {
    resolvers: [
      ChildResolver,
      ChildSipsResolver,
      SipResolver,
      SipLifecycleResolver,
      MeetingResolver,
      SipMeetingsResolver,
      PlanVersionResolver,
      SipPlanResolver,
      ChildSummaryResolver,
      ConsentResolver,
      AuditResolver,
      ReviewResolver,
      EmergencyAccessResolver,
      BlocksResolver,
    ],
    referenceResolvers: {
      Child: { __resolveReference: resolveChildReference },
      PlanIntervention: { __resolveReference: resolvePlanInterventionReference },
    },
  },
  createPrisma: (options) => new PrismaClient(options),
  createContext: createSipContext,
  routes: {
    [CONSENT_DECISIONS_PATH]: consentDecisionsRoute,
    [CONSENT_RELEASES_PATH]: consentReleasesRoute,
    [CHILD_IDENTITIES_PATH]: childIdentitiesRoute,
  },
  subgraphCallFirstUse,
};
