import type { PrismaClient } from '../../prisma/social/client/client.ts';
import { contextWithLoaders, type SubgraphContext } from '../../lib/subgraph/subgraph-context.ts';
import { createSocialLoaders } from './social.loaders.ts';

/** `source` is the case system's integration views, read-only; the subgraph keeps no records of its own. */
export type SocialContext = SubgraphContext<null, ReturnType<typeof createSocialLoaders>, PrismaClient>;

export const createSocialContext = contextWithLoaders(createSocialLoaders);
