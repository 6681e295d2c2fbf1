// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { PrismaClient } from '../../prisma/social/client/client.ts';
import { entityReference } from '../../lib/federation/entity-reference.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { UNIT_CONTACT_PATH, unitContactRoute } from '../../lib/consent/unit-contact.ts';
import { ChildResolver } from './child.resolver.ts';
import { PlanInterventionResolver } from './interventions/plan-intervention.resolver.ts';
import { PlanIntervention } from './interventions/plan-intervention.type.ts';
import { SocialInterventionResolver } from './interventions/social-intervention.resolver.ts';
import { Child } from './child.type.ts';
import { handlesOpenCase } from './unit-contact.ts';
import { createSocialContext, type SocialContext } from './context.ts';
import { SocialCaseResolver } from './social-case.resolver.ts';

/** Social services (socialtjänst, LSS). */
export const socialSubgraph: SubgraphDefinition<PrismaClient, SocialContext> = {
  name: 'social',
  schema: {
    resolvers: [ChildResolver, SocialCaseResolver, SocialInterventionResolver, PlanInterventionResolver],
    orphanedTypes: [Child, PlanIntervention],
    referenceResolvers: {
      Child: { __resolveReference: entityReference(Child) },
      PlanIntervention: { __resolveReference: entityReference(PlanIntervention) },
    },
  },
  createPrisma: (options) => new PrismaClient(options),
  createContext: createSocialContext,
  routes: { [UNIT_CONTACT_PATH]: unitContactRoute('SOCIAL_SERVICES', handlesOpenCase) },
};
