import type { CryptoKey } from 'jose';
import { REQUESTER_CONTEXT_HEADER } from '../auth/requester-context.ts';
import { signSubgraphIdentity, SUBGRAPH_IDENTITY_HEADER } from '../auth/subgraph-identity.ts';

/** A subgraph calling another on the requester's behalf, within one request. */
export interface SubgraphCaller {
  requesterContextToken: string;
  requestId: string;
  /** The calling subgraph's name and its own signing key, which prove to the called one who asks. */
  subgraph: string;
  identityKey?: CryptoKey;
}

/**
 * The headers of such a call: the requester's signed context, and the calling subgraph's own
 * signature bound to the request. Without a key of its own the subgraph cannot prove who it is, and
 * the SIP core refuses it decisions.
 */
export async function subgraphCallHeaders(caller: SubgraphCaller): Promise<Record<string, string>> {
  return {
    [REQUESTER_CONTEXT_HEADER]: caller.requesterContextToken,
    ...(caller.identityKey && {
      [SUBGRAPH_IDENTITY_HEADER]: await signSubgraphIdentity(caller.identityKey, caller.subgraph, caller.requestId),
    }),
  };
}

/**
 * POSTs JSON to a route beside another subgraph's `/graphql` (e.g. the SIP core's
 * `/consent/decisions`) and returns its JSON answer. Anything but HTTP 200, or no answer within
 * `timeoutMs`, is an error: callers fail closed on it.
 */
export async function postToSubgraph<TAnswer>(
  graphqlUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<TAnswer> {
  const res = await fetch(new URL(path, graphqlUrl), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`${path} answered HTTP ${res.status}`);
  return (await res.json()) as TAnswer;
}
