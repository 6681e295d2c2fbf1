import type { CryptoKey } from 'jose';
import { httpCall } from '../http-client.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';
import { signSubgraphIdentity, SUBGRAPH_IDENTITY_HEADER } from './subgraph-identity.ts';

/** A subgraph calling another on the requester's behalf, within one request. */
export interface SubgraphCaller {
  /** The requester's own bearer token from the identity provider; none for the subgraph's own errands. */
  token?: string;
  requestId: string;
  /** The calling subgraph's name and its own signing key, which prove to the called one who asks. */
  subgraph: string;
  identityKey?: CryptoKey;
}

/**
 * POSTs JSON to a route beside another subgraph's `/graphql` (e.g. the SIP core's
 * `/consent/decisions`) on the requester's behalf: their token, the request id, and the calling
 * subgraph's signature over this body (without a key of its own the subgraph cannot prove who it
 * is, and the SIP core refuses it decisions). Returns the JSON answer; anything but HTTP 200, or no
 * answer within `timeoutMs`, is an error, on which callers fail closed.
 */
export async function postToSubgraph<TAnswer>(
  graphqlUrl: string,
  path: string,
  body: unknown,
  caller: SubgraphCaller,
  timeoutMs: number,
): Promise<TAnswer> {
  const json = JSON.stringify(body);
  const answer = await httpCall(new URL(path, graphqlUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(caller.token && { authorization: `Bearer ${caller.token}` }),
      [REQUEST_ID_HEADER]: caller.requestId,
      ...(caller.identityKey && {
        [SUBGRAPH_IDENTITY_HEADER]: await signSubgraphIdentity(
          caller.identityKey,
          caller.subgraph,
          caller.requestId,
          json,
        ),
      }),
    },
    body: json,
    timeoutMs,
  });
  if (answer.status !== 200) throw new Error(`${path} answered HTTP ${answer.status}`);
  return JSON.parse(answer.body) as TAnswer;
}
