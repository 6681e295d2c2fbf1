// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { entityReference } from '../../lib/federation/entity-reference.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { ChildResolver } from './child.resolver.ts';
import { CareVisitResolver } from './visits/care-visit.resolver.ts';
import { Child } from './child.type.ts';
import { careUnitInContact } from './unit-contact.ts';
import { createHealthContext, type HealthContext } from './context.ts';
import { CareContactResolver } from './care-contact.resolver.ts';
import { practitionerRoles } from './staff-directory.ts';
import { fhirSource } from './fhir/fhir-source.ts';
import type { FhirClient } from './fhir/fhir-client.ts';

/**
 * Health care: an adapter over the region's journal system, read (and a care visit written) through
 * its HL7 FHIR R4 API. It keeps no records of its own.
 */
export const healthSubgraph: SubgraphDefinition<null, HealthContext, FhirClient> = {
  name: 'health',
  schema: {
    resolvers: [ChildResolver, CareContactResolver, CareVisitResolver],
    orphanedTypes: [Child],
    referenceResolvers: { Child: { __resolveReference: entityReference(Child) } },
  },
  source: fhirSource,
  createContext: createHealthContext,
  unitInContact: careUnitInContact,
  staffDirectory: practitionerRoles,
};
