// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { PrismaClient } from '../../prisma/health/client/client.ts';
import { entityReference } from '../../lib/federation/entity-reference.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { UNIT_CONTACT_PATH, unitContactRoute } from '../../lib/consent/unit-contact.ts';
import { ChildResolver } from './child.resolver.ts';
import { CareVisitResolver } from './visits/care-visit.resolver.ts';
import { Child } from './child.type.ts';
import { careUnitInContact } from './unit-contact.ts';
import { createHealthContext, type HealthContext } from './context.ts';
import { CareContactResolver } from './care-contact.resolver.ts';

/** Health care: the region’s care records (BUP, habilitering, vårdcentral, paediatrics). */
export const healthSubgraph: SubgraphDefinition<PrismaClient, HealthContext> = {
  name: 'health',
  schema: {
    resolvers: [ChildResolver, CareContactResolver, CareVisitResolver],
    orphanedTypes: [Child],
    referenceResolvers: { Child: { __resolveReference: entityReference(Child) } },
  },
  createPrisma: (options) => new PrismaClient(options),
  createContext: createHealthContext,
  routes: { [UNIT_CONTACT_PATH]: unitContactRoute('HEALTH_CARE', careUnitInContact) },
};
