// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import type { PrismaClient } from '../../prisma/social/client/client.ts';
import { entityReference } from '../../lib/federation/entity-reference.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { ChildResolver } from './child.resolver.ts';
import { PlanInterventionResolver } from './interventions/plan-intervention.resolver.ts';
import { PlanIntervention } from './interventions/plan-intervention.type.ts';
import { Child } from './child.type.ts';
import { handlesOpenCase } from './unit-contact.ts';
import { caseSystemStaff } from './staff-directory.ts';
import { createSocialContext, type SocialContext } from './context.ts';
import { SocialCaseResolver } from './social-case.resolver.ts';
import { caseSystemSource } from './case-system/case-system-source.ts';

/**
 * Social services (socialtjänst, LSS): an adapter over the case system's database, read through the
 * integration views its vendor publishes, as a read-only role. It writes nothing and keeps no
 * records of its own: decisions are recorded in the case system.
 */
export const socialSubgraph: SubgraphDefinition<null, SocialContext, PrismaClient> = {
  name: 'social',
  schema: {
    resolvers: [ChildResolver, SocialCaseResolver, PlanInterventionResolver],
    orphanedTypes: [Child, PlanIntervention],
    referenceResolvers: {
      Child: { __resolveReference: entityReference(Child) },
      PlanIntervention: { __resolveReference: entityReference(PlanIntervention) },
    },
  },
  source: caseSystemSource,
  createContext: createSocialContext,
  unitInContact: handlesOpenCase,
  staffDirectory: caseSystemStaff,
};
