import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismaPg } from '@prisma/adapter-pg';
import type { RequesterContext } from '../auth/requester-context.ts';
import type { Clock } from '../clock.ts';
import type { SubgraphName } from '../config.ts';
import type { FederatedSchemaOptions } from '../federation/build-federated-schema.ts';
import type { RequestContext } from './subgraph-context.ts';

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

/** A non-GraphQL endpoint of a subgraph; it runs only for requests with a valid requester context. */
export type SubgraphRoute<TPrisma> = (
  req: IncomingMessage,
  res: ServerResponse,
  services: { prisma: TPrisma; clock: Clock; requesterContext: RequesterContext },
) => Promise<void>;

/**
 * Everything that makes one agency's subgraph: its schema, its database client, and its
 * demo data. The runtime (`startSubgraph`) does the rest the same way for every agency,
 * including authentication and consent enforcement.
 */
export interface SubgraphDefinition<TPrisma extends SubgraphPrisma, TContext extends RequestContext> {
  name: SubgraphName;
  schema: FederatedSchemaOptions;
  createPrisma(options: PrismaOptions): TPrisma;
  /** A fresh context per request: DataLoaders must not outlive a request. The runtime adds the requester. */
  createContext(services: { prisma: TPrisma; clock: Clock }): Omit<TContext, keyof RequestContext>;
  /** Inserts the fictional demo data unless the database already has data; dates are relative to `clock`. */
  seed(prisma: TPrisma, clock: Clock): Promise<void>;
  routes?: Record<string, SubgraphRoute<TPrisma>>;
}

// Resolvers receive heterogeneous definitions; the concrete types matter only inside each subgraph.
export type AnySubgraphDefinition = SubgraphDefinition<SubgraphPrisma, RequestContext>;
