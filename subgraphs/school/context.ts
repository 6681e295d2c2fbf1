import type { PrismaClient } from '../../prisma/school/client/client.ts';
import { contextWithLoaders, type SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import { createSchoolLoaders } from './school.loaders.ts';

export type SchoolContext = SubgraphContext<PrismaClient, ReturnType<typeof createSchoolLoaders>>;

export const createSchoolContext = contextWithLoaders<PrismaClient, ReturnType<typeof createSchoolLoaders>>(({ prisma, clock }) =>
  createSchoolLoaders(prisma, clock),
);
