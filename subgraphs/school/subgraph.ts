// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { PrismaClient } from '../../prisma/school/client/client.ts';
import { entityReference } from '../../lib/federation/entity-reference.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { UNIT_CONTACT_PATH, unitContactRoute } from '../../lib/consent/unit-contact.ts';
import { AbsenceResolver } from './attendance/absence.resolver.ts';
import { ChildResolver } from './child.resolver.ts';
import { Child } from './child.type.ts';
import { schoolInContact } from './unit-contact.ts';
import { createSchoolContext, type SchoolContext } from './context.ts';
import { SchoolPlacementResolver } from './school-placement.resolver.ts';

/** School: the municipality's student records. */
export const schoolSubgraph: SubgraphDefinition<PrismaClient, SchoolContext> = {
  name: 'school',
  schema: {
    resolvers: [ChildResolver, SchoolPlacementResolver, AbsenceResolver],
    orphanedTypes: [Child],
    referenceResolvers: { Child: { __resolveReference: entityReference(Child) } },
  },
  createPrisma: (options) => new PrismaClient(options),
  createContext: createSchoolContext,
  routes: { [UNIT_CONTACT_PATH]: unitContactRoute('SCHOOL', schoolInContact) },
};
