import type { SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import { contextWithLoaders } from '../../lib/subgraph/subgraph-context.ts';
import type { FhirClient } from './fhir/fhir-client.ts';
import { createHealthLoaders } from './health.loaders.ts';

export type HealthContext = SubgraphContext<null, ReturnType<typeof createHealthLoaders>, FhirClient>;

export const createHealthContext = contextWithLoaders(createHealthLoaders);
