import type { CryptoKey } from 'jose';
import type { RequesterContext } from '../auth/requester-context.ts';
import type { Clock } from '../clock.ts';
import { createConsentDecisionLoader } from '../consent/consent-decision.loader.ts';
import { createReleaseRecorder } from '../consent/consent-releases.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

/** Builds each request's context: the subgraph's own, plus the verified requester and a fresh consent loader. */
export function requestContextFactory<TPrisma extends SubgraphPrisma, TContext extends RequestContext>(
  definition: SubgraphDefinition<TPrisma, TContext>,
  services: { prisma: TPrisma; clock: Clock; sipUrl?: string; consentTimeoutMs?: number; identityKey?: CryptoKey },
) {
  return (requesterContext: RequesterContext): TContext => {
    const sipCore = {
      // Without a SIP core to ask, every decision fails and guarded fields are withheld.
      sipUrl: services.sipUrl ?? 'http://127.0.0.1:1/',
      requesterContextToken: requesterContext.token,
      requestId: requesterContext.requestId,
      subgraph: definition.name,
      identityKey: services.identityKey,
      timeoutMs: services.consentTimeoutMs ?? 2_000,
    };
    return {
      ...definition.createContext({ prisma: services.prisma, clock: services.clock }),
      requester: requesterContext.requester,
      requestId: requesterContext.requestId,
      consent: {
        withheld: [],
        decisions: createConsentDecisionLoader(sipCore),
        releases: createReleaseRecorder(sipCore),
      },
    } as unknown as TContext;
  };
}
