// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { PrismaClient } from '../../prisma/social/client/client.ts';
import { referenceById } from '../../lib/federation/entity-reference.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { ChildResolver } from './child.resolver.ts';
import { SocialInterventionResolver } from './interventions/social-intervention.resolver.ts';
import { Child } from './child.type.ts';
import { createSocialContext, type SocialContext } from './context.ts';
import { SocialCaseResolver } from './social-case.resolver.ts';
import { seedSocial } from './seed.ts';

/** Social services (socialtjänst, LSS). */
export const socialSubgraph: SubgraphDefinition<PrismaClient, SocialContext> = {
  name: 'social',
  schema: {
    resolvers: [ChildResolver, SocialCaseResolver, SocialInterventionResolver],
    orphanedTypes: [Child],
    referenceResolvers: { Child: { __resolveReference: referenceById(Child) } },
  },
  createPrisma: (options) => new PrismaClient(options),
  createContext: createSocialContext,
  seed: seedSocial,
};
