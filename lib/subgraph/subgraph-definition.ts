import type { FirstUse, SignedCall } from '../auth/subgraph-identity.ts';
import type { Request, Response } from 'express';
import type { IdentityVerifier, RequesterContext } from '../auth/identity-token.ts';
import type { Clock } from '../clock.ts';
import type { DemoDataPrisma } from '../db/demo-data.ts';
import type { PrismaOptions } from '../db/prisma-options.ts';
import type { SubgraphName } from '../config/config.ts';
import type { FederatedSchemaOptions } from '../federation/build-federated-schema.ts';
import type { SourceSystem } from '../source/source-system.ts';
import type { UnitContactCheck } from './unit-contact.ts';
import type { StaffDirectory } from './staff-directory.ts';
import type { ChildIdentities } from './child-identities.ts';
import type { RequestContext } from './subgraph-context.ts';

/** What the runtime needs from a generated Prisma client; every subgraph's client has it. */
export interface SubgraphPrisma extends DemoDataPrisma {
  $disconnect(): Promise<void>;
  $queryRawUnsafe(query: string): Promise<unknown>;
  $on(event: 'query', listener: (event: { query: string }) => void): void;
}

/**
 * What a subgraph reads from: its own records (`prisma`, null when it keeps none), the agency
 * system it adapts (`source`, null when it adapts none) and the identity bridge to the SIP core.
 */
export interface SubgraphServices<TPrisma, TSource> {
  prisma: TPrisma;
  source: TSource;
  clock: Clock;
  childIdentities: ChildIdentities;
}

/**
 * A non-GraphQL endpoint of a subgraph (POST, JSON body already parsed into `req.body`); it runs
 * only for requests with a valid identity token.
 */
export type SubgraphRoute<TPrisma, TSource = null> = (
  req: Request,
  res: Response,
  services: SubgraphServices<TPrisma, TSource> & {
    /** The requester, when the call carries their token (verified); null for a subgraph's own errand. */
    requesterContext: RequesterContext | null;
    requestId: string;
    /** The subgraph that proved it sent the request (its own signed identity), or null. */
    callerSubgraph: string | null;
    /**
     * Only for the routes in `routesStoringCalls`, which get null as `callerSubgraph`: the signed
     * call, not yet checked against replay. The route stores its id with what it writes, in one
     * statement, and refuses the call if it was stored before.
     */
    signedCall: SignedCall | null;
    /** Checks a reader's token a call carries in its body (several requests' calls for decisions). */
    verifyIdentity: IdentityVerifier;
  },
) => Promise<void>;

/**
 * Everything that makes one agency's subgraph: its schema, the agency system it adapts and any
 * records of its own. The runtime (`startSubgraph`) does the rest the same way for every agency,
 * including authentication and consent enforcement, whatever the source.
 */
export interface SubgraphDefinition<
  TPrisma extends SubgraphPrisma | null,
  TContext extends RequestContext,
  TSource = null,
> {
  name: SubgraphName;
  schema: FederatedSchemaOptions;
  /** The subgraph's own database, migrated from `prisma/<name>/`; none when it keeps no records of its own. */
  createPrisma?(options: PrismaOptions): NonNullable<TPrisma>;
  /** The agency's existing system, e.g. its FHIR server; located by `<NAME>_<variable>_URL`. */
  source?: SourceSystem<TSource>;
  /** A fresh context per request: DataLoaders must not outlive a request. The runtime adds the requester. */
  createContext(services: SubgraphServices<TPrisma, TSource>): Omit<TContext, keyof RequestContext>;
  /**
   * An agency subgraph's answer to "is the reader's own unit in contact with this child?", from its
   * own system: emergency access opens on it (`policy/emergency-access.ts`). Every agency subgraph
   * has one; the runtime serves it at `/contact/unit`.
   */
  unitInContact?: UnitContactCheck<TPrisma, TSource>;
  /**
   * The agency's catalogue of units and staff, from its own system, served at `/directory/staff`: how
   * a coordinator finds someone to add to a SIP. An agency without one cannot be searched.
   */
  staffDirectory?: StaffDirectory<TPrisma, TSource>;
  routes?: Record<string, SubgraphRoute<TPrisma, TSource>>;
  /**
   * Where the signatures of calls from other subgraphs are remembered, so that none is answered
   * twice; by default in the process (for routes whose replay changes nothing).
   */
  subgraphCallFirstUse?: (prisma: TPrisma) => FirstUse;
  /** Routes that check a signed call against replay themselves (see `signedCall`), saving a round trip. */
  routesStoringCalls?: readonly string[];
}

// Resolvers receive heterogeneous definitions; the concrete types matter only inside each subgraph.
export type AnySubgraphDefinition = SubgraphDefinition<SubgraphPrisma | null, RequestContext, unknown>;
