import { randomUUID } from 'node:crypto';
import type { CryptoKey } from 'jose';
import type { RequesterContext } from '../auth/identity-token.ts';
import type { Clock } from '../clock.ts';
import type { SubgraphName } from '../config/config.ts';
import { createConsentDecisionLoader } from '../consent/consent-decision.loader.ts';
import { CONSENT_RELEASES_PATH } from '../consent/consent-decision.ts';
import { createReleaseOutbox, createReleaseRecorder } from '../consent/consent-releases.ts';
import { createDecisionChannel } from '../consent/decision-channel.ts';
import {
  CHILD_IDENTITIES_PATH,
  createChildIdentities,
  forRequest,
  type ChildIdentityAnswer,
} from './child-identities.ts';
import { postToSubgraph } from '../auth/post-to-subgraph.ts';
import type { RequestContext } from './subgraph-context.ts';
import type { SubgraphDefinition, SubgraphPrisma } from './subgraph-definition.ts';

// Without a subgraph to ask, every call fails: guarded fields are withheld, nothing is opened.
const NOWHERE = 'http://127.0.0.1:1/';
/** How long a subgraph remembers a child's personnummer from the identity bridge. */
const REMEMBER_IDENTITY_MS = 5 * 60_000;

/**
 * Builds each request's context: the subgraph's own, plus the verified requester and a fresh consent
 * loader. The channel for decisions and the outbox of release confirmations are the subgraph's,
 * shared by its requests.
 */
export function requestContextFactory<TPrisma extends SubgraphPrisma | null, TContext extends RequestContext, TSource>(
  definition: SubgraphDefinition<TPrisma, TContext, TSource>,
  services: {
    prisma: TPrisma;
    source: TSource;
    clock: Clock;
    subgraphUrl?: (name: SubgraphName) => string | undefined;
    consentTimeoutMs?: number;
    identityKey?: CryptoKey;
  },
) {
  const timeoutMs = services.consentTimeoutMs ?? 2_000;
  const sipUrl = () => services.subgraphUrl?.('sip') ?? NOWHERE;
  const subgraph = { subgraph: definition.name, identityKey: services.identityKey };
  // The subgraph's own errand when no decisions call takes them along: signed as the subgraph, under an id of its own.
  const outbox = createReleaseOutbox((body) =>
    postToSubgraph(sipUrl(), CONSENT_RELEASES_PATH, body, { ...subgraph, requestId: randomUUID() }, timeoutMs),
  );
  const decisions = createDecisionChannel({ ...subgraph, sipUrl, timeoutMs, outbox });
  // Asked as the subgraph itself, never with the reader's token: what it learns does not depend on them.
  const childIdentities = createChildIdentities(
    (body, requestId) =>
      postToSubgraph<ChildIdentityAnswer>(sipUrl(), CHILD_IDENTITIES_PATH, body, { ...subgraph, requestId }, timeoutMs),
    { rememberMs: REMEMBER_IDENTITY_MS },
  );
  const contextFor = (requesterContext: RequesterContext): TContext => {
    const calls = { ...subgraph, token: requesterContext.token, requestId: requesterContext.requestId, timeoutMs };
    const context: RequestContext = {
      requester: requesterContext.requester,
      requestId: requesterContext.requestId,
      consent: {
        withheld: [],
        decisions: createConsentDecisionLoader(decisions, requesterContext),
        releases: createReleaseRecorder(requesterContext.requestId, outbox),
      },
      askSubgraph: (name, path, body) =>
        postToSubgraph(services.subgraphUrl?.(name) ?? NOWHERE, path, body, calls, timeoutMs),
    };
    const own = definition.createContext({
      prisma: services.prisma,
      source: services.source,
      clock: services.clock,
      childIdentities: forRequest(childIdentities, requesterContext.requestId),
    });
    return { ...own, ...context } as TContext;
  };
  return { contextFor, outbox, childIdentities };
}
