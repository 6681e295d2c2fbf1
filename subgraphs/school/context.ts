import type { PrismaClient } from '../../prisma/school/client/client.ts';
import { contextWithLoaders, type SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import type { Ss12000Client } from './ss12000/ss12000-client.ts';
import { createSchoolLoaders } from './school.loaders.ts';

export type SchoolContext = SubgraphContext<PrismaClient, ReturnType<typeof createSchoolLoaders>, Ss12000Client>;

export const createSchoolContext = contextWithLoaders(createSchoolLoaders);
