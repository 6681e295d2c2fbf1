import type { PrismaPg } from '@prisma/adapter-pg';
import type { Clock } from '../clock.ts';
import type { SubgraphName } from '../config.ts';
import type { FederatedSchemaOptions } from '../federation/build-federated-schema.ts';

/** What the runtime needs from a generated Prisma client; every subgraph's client has it. */
export interface SubgraphPrisma {
  $disconnect(): Promise<void>;
  $queryRawUnsafe(query: string): Promise<unknown>;
  $on(event: 'query', listener: (event: { query: string }) => void): void;
}

/** Passed to the generated client's constructor: the driver adapter, and query events for counting. */
export interface PrismaOptions {
  adapter: PrismaPg;
  log: [{ emit: 'event'; level: 'query' }];
}

/**
 * Everything that makes one agency's subgraph: its schema, its database client, and its
 * demo data. The runtime (`startSubgraph`) does the rest the same way for every agency.
 */
export interface SubgraphDefinition<TPrisma extends SubgraphPrisma, TContext> {
  name: SubgraphName;
  schema: FederatedSchemaOptions;
  createPrisma(options: PrismaOptions): TPrisma;
  /** A fresh context per request: DataLoaders must not outlive a request. */
  createContext(services: { prisma: TPrisma; clock: Clock }): TContext;
  /** Inserts the fictional demo data unless the database already has data. */
  seed(prisma: TPrisma): Promise<void>;
}

// Resolvers receive heterogeneous definitions; the concrete types matter only inside each subgraph.
export type AnySubgraphDefinition = SubgraphDefinition<SubgraphPrisma, object>;
