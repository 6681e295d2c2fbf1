// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { PrismaClient } from '../../prisma/sip/client/client.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { resolveChildReference } from './consent-authority/children/child.reference.ts';
import { ReviewResolver } from './consent-authority/audit/review.resolver.ts';
import { EmergencyAccessResolver } from './consent-authority/emergency/emergency-access.resolver.ts';
import { BlocksResolver } from './consent-authority/blocks/blocks.resolver.ts';
import { YoungPersonsSphereResolver } from './consent-authority/young-persons-sphere/sphere.resolver.ts';
import { resolvePlanInterventionReference } from './workflow/plan/plan-intervention.reference.ts';
import { AuditResolver } from './consent-authority/audit/audit.resolver.ts';
import { ChildResolver } from './consent-authority/children/child.resolver.ts';
import { MeetingResolver } from './workflow/meetings/meeting.resolver.ts';
import { SipMeetingsResolver } from './workflow/meetings/sip-meetings.resolver.ts';
import { PlanVersionResolver } from './workflow/plan/plan-version.resolver.ts';
import { SipPlanResolver } from './workflow/plan/sip-plan.resolver.ts';
import { ChildSummaryResolver } from './workflow/plan/child-summary.resolver.ts';
import { ChildSipsResolver } from './workflow/process/child-sips.resolver.ts';
import { SipLifecycleResolver } from './workflow/process/sip-lifecycle.resolver.ts';
import { SipResolver } from './workflow/process/sip.resolver.ts';
import { SipRequestResolver } from './workflow/requests/sip-request.resolver.ts';
import { ChildViewResolver } from './workflow/child-voice/child-view.resolver.ts';
import { InvitationResolver } from './workflow/invitations/invitation.resolver.ts';
import { DirectoryResolver } from './workflow/directory/directory.resolver.ts';
import {
  CONSENT_DECISION_BATCHES_PATH,
  CONSENT_DECISIONS_PATH,
  CONSENT_RELEASES_PATH,
} from '../../lib/consent/consent-decision.ts';
import { consentReleasesRoute } from './consent-authority/consent/consent-releases.route.ts';
import {
  consentDecisionBatchesRoute,
  consentDecisionsRoute,
} from './consent-authority/consent/consent-decisions.route.ts';
import { ConsentResolver } from './consent-authority/consent/consent.resolver.ts';
import { subgraphCallFirstUse } from './consent-authority/consent/subgraph-call-first-use.ts';
import { createSipContext, type SipContext } from './workflow/context.ts';
import { CHILD_IDENTITIES_PATH } from '../../lib/subgraph/child-identities.ts';
import { childIdentitiesRoute } from './consent-authority/children/child-identities.route.ts';

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
      SipRequestResolver,
      ChildViewResolver,
      InvitationResolver,
      DirectoryResolver,
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
      YoungPersonsSphereResolver,
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
    [CONSENT_DECISION_BATCHES_PATH]: consentDecisionBatchesRoute,
    [CONSENT_RELEASES_PATH]: consentReleasesRoute,
    [CHILD_IDENTITIES_PATH]: childIdentitiesRoute,
  },
  subgraphCallFirstUse,
  // A call for decisions stores its signature's id with its decisions: one statement, not two.
  routesStoringCalls: [CONSENT_DECISIONS_PATH, CONSENT_DECISION_BATCHES_PATH],
};
