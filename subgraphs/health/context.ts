import type { PrismaClient } from '../../prisma/health/client/client.ts';
import { contextWithLoaders, type SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import { createHealthLoaders } from './health.loaders.ts';

export type HealthContext = SubgraphContext<PrismaClient, ReturnType<typeof createHealthLoaders>>;

export const createHealthContext = contextWithLoaders(createHealthLoaders);
