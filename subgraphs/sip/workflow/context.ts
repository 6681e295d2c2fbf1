import type { PrismaClient } from '../../../prisma/sip/client/client.ts';
import type { RequestContext } from '../../../lib/subgraph/subgraph-context.ts';
import type { SubgraphServices } from '../../../lib/subgraph/subgraph-definition.ts';
import { createAuthorityContext, type AuthorityContext } from '../consent-authority/context.ts';
import { closeSipsOfWithdrawnConsent } from './process/close-sip.ts';
import { createSipLoaders } from './process/sip.loaders.ts';

/**
 * What the SIP workflow's resolvers receive: the consent authority's context, and the workflow's own
 * loaders. The workflow hands the authority what follows from its acts (AuthorityConsequences).
 */
export type SipContext = AuthorityContext & {
  loaders: AuthorityContext['loaders'] & ReturnType<typeof createSipLoaders>;
};

const authorityContext = createAuthorityContext({ consentWithdrawn: closeSipsOfWithdrawnConsent });

export const createSipContext = (
  services: SubgraphServices<PrismaClient, null>,
): Omit<SipContext, keyof RequestContext> => {
  const context = authorityContext(services);
  return { ...context, loaders: { ...context.loaders, ...createSipLoaders(services.prisma) } };
};
