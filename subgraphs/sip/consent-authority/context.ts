import type { PrismaClient } from '../../../prisma/sip/client/client.ts';
import { contextWithLoaders, type SubgraphContext } from '../../../lib/subgraph/subgraph-context.ts';
import type { SubgraphServices } from '../../../lib/subgraph/subgraph-definition.ts';
import { createChildLoaders } from './children/child.loaders.ts';
import type { Tx } from './open-sip.ts';

/**
 * What follows in the SIP workflow, in the same transaction, from an act of the consent authority.
 * The workflow hands these in (subgraphs/sip/workflow/context.ts), so that the authority never imports it.
 */
export interface AuthorityConsequences {
  /** A consent was withdrawn: the open SIPs it covered end, with their meetings still to come. */
  consentWithdrawn(tx: Tx, withdrawal: { consentId: string; at: Date; by: string; reason: string }): Promise<void>;
}

type AuthorityLoaders = ReturnType<typeof createChildLoaders>;

/** What the consent authority's resolvers and routes receive. */
export type AuthorityContext = SubgraphContext<PrismaClient, AuthorityLoaders> & {
  consequences: AuthorityConsequences;
};

export const createAuthorityContext = (consequences: AuthorityConsequences) => {
  const withLoaders = contextWithLoaders<PrismaClient, AuthorityLoaders>(({ prisma }) => createChildLoaders(prisma));
  return (services: SubgraphServices<PrismaClient, null>) => ({ ...withLoaders(services), consequences });
};
