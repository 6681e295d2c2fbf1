import type { PrismaClient } from '../../prisma/social/client/client.ts';
import { contextWithLoaders, type SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import { createSocialLoaders } from './social.loaders.ts';

export type SocialContext = SubgraphContext<PrismaClient, ReturnType<typeof createSocialLoaders>>;

export const createSocialContext = contextWithLoaders<PrismaClient, ReturnType<typeof createSocialLoaders>>(
  ({ prisma }) => createSocialLoaders(prisma),
);
