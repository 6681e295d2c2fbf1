// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { PrismaClient } from '../../prisma/school/client/client.ts';
import { entityReference } from '../../lib/federation/entity-reference.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { ChildResolver } from './child.resolver.ts';
import { Child } from './child.type.ts';
import { schoolInContact } from './unit-contact.ts';
import { createSchoolContext, type SchoolContext } from './context.ts';
import { SchoolPlacementResolver } from './school-placement.resolver.ts';
import type { Ss12000Client } from './ss12000/ss12000-client.ts';
import { schoolDuties } from './staff-directory.ts';
import { ss12000Source } from './ss12000/ss12000-source.ts';

/**
 * School: an adapter over the school's student information system, read over SS 12000 (students,
 * enrolments, classes, mentors, absence), and the school's own records of what SS 12000 has no
 * resource for (extra adaptations, action programmes, the student health team's contacts).
 */
export const schoolSubgraph: SubgraphDefinition<PrismaClient, SchoolContext, Ss12000Client> = {
  name: 'school',
  schema: {
    resolvers: [ChildResolver, SchoolPlacementResolver],
    orphanedTypes: [Child],
    referenceResolvers: { Child: { __resolveReference: entityReference(Child) } },
  },
  createPrisma: (options) => new PrismaClient(options),
  source: ss12000Source,
  createContext: createSchoolContext,
  unitInContact: schoolInContact,
  staffDirectory: schoolDuties,
};
