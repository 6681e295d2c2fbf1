// Loaded before any decorated class, so type-graphql finds the metadata API.
import 'reflect-metadata';
import { PrismaClient } from '../../prisma/sip/client/client.ts';
import type { SubgraphDefinition } from '../../lib/subgraph/subgraph-definition.ts';
import { resolveChildReference } from './child.reference.ts';
import { ChildResolver } from './child.resolver.ts';
import { createSipContext, type SipContext } from './context.ts';
import { seedSip } from './seed.ts';

/** The SIP core: owns `Child` and its guardians. */
export const sipSubgraph: SubgraphDefinition<PrismaClient, SipContext> = {
  name: 'sip',
  schema: {
    resolvers: [ChildResolver],
    referenceResolvers: { Child: { __resolveReference: resolveChildReference } },
  },
  createPrisma: (options) => new PrismaClient(options),
  createContext: createSipContext,
  seed: seedSip,
};
