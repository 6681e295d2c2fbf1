import type { PrismaClient } from '../../prisma/sip/client/client.ts';
import { contextWithLoaders, type SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import { createChildLoaders } from './child.loaders.ts';
import { createSipLoaders } from './process/sip.loaders.ts';

const createLoaders = (prisma: PrismaClient) => ({ ...createChildLoaders(prisma), ...createSipLoaders(prisma) });

export type SipContext = SubgraphContext<PrismaClient, ReturnType<typeof createLoaders>>;

export const createSipContext = contextWithLoaders<PrismaClient, ReturnType<typeof createLoaders>>(({ prisma }) =>
  createLoaders(prisma),
);
