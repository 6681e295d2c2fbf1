import type { CryptoKey } from 'jose';
import type { RequesterContext } from '../auth/identity-token.ts';
import type { Clock } from '../clock.ts';
import type { SubgraphName } from '../config.ts';
import { createConsentDecisionLoader } from '../consent/consent-decision.loader.ts';
import { createReleaseRecorder } from '../consent/consent-releases.ts';
import { postToSubgraph } from './post-to-subgraph.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

// Without a subgraph to ask, every call fails: guarded fields are withheld, nothing is opened.
const NOWHERE = 'http://127.0.0.1:1/';

/** Builds each request's context: the subgraph's own, plus the verified requester and a fresh consent loader. */
export function requestContextFactory<TPrisma extends SubgraphPrisma, TContext extends RequestContext>(
  definition: SubgraphDefinition<TPrisma, TContext>,
  services: {
    prisma: TPrisma;
    clock: Clock;
    subgraphUrl?: (name: SubgraphName) => string | undefined;
    consentTimeoutMs?: number;
    identityKey?: CryptoKey;
  },
) {
  return (requesterContext: RequesterContext): TContext => {
    const calls = {
      token: requesterContext.token,
      requestId: requesterContext.requestId,
      subgraph: definition.name,
      identityKey: services.identityKey,
      timeoutMs: services.consentTimeoutMs ?? 2_000,
    };
    const sipCore = { ...calls, sipUrl: services.subgraphUrl?.('sip') ?? NOWHERE };
    const context: RequestContext = {
      requester: requesterContext.requester,
      requestId: requesterContext.requestId,
      consent: {
        withheld: [],
        decisions: createConsentDecisionLoader(sipCore),
        releases: createReleaseRecorder(sipCore),
      },
      askSubgraph: (name, path, body) =>
        postToSubgraph(services.subgraphUrl?.(name) ?? NOWHERE, path, body, calls, calls.timeoutMs),
    };
    return { ...definition.createContext({ prisma: services.prisma, clock: services.clock }), ...context } as TContext;
  };
}
