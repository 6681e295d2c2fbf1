import type { PrismaClient } from '../../prisma/sip/client/client.ts';
import { contextWithLoaders, type SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import { createChildLoaders } from './child.loaders.ts';

export type SipContext = SubgraphContext<PrismaClient, ReturnType<typeof createChildLoaders>>;

export const createSipContext = contextWithLoaders(createChildLoaders);
