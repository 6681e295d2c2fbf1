import { decodeJwt, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { SIGNING_ALGORITHM } from './keys.ts';

/**
 * The header in which an agency subgraph proves to the SIP core which subgraph it is, when it asks
 * for consent decisions. Each subgraph signs with a key of its own, so the decision log names the
 * subgraph that really asked, never what a request body claims.
 */
export const SUBGRAPH_IDENTITY_HEADER = 'x-subgraph-identity';

const ISSUER = 'sip-graph-subgraph';
const AUDIENCE = 'sip-graph-consent-decisions';

/** Signs "this is `subgraph`, asking for request `requestId`", valid for a minute. */
export function signSubgraphIdentity(key: CryptoKey, subgraph: string, requestId: string): Promise<string> {
  return new SignJWT({ rid: requestId })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setSubject(subgraph)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(key);
}

/**
 * The subgraph that signed `token` with its own key, for the request `requestId`; null for anything
 * else (missing, unknown subgraph, another subgraph's key, another request, expired).
 */
export async function verifySubgraphIdentity(
  keys: Readonly<Record<string, CryptoKey>>,
  token: string | undefined,
  requestId: string,
): Promise<string | null> {
  if (!token) return null;
  try {
    const claimed = decodeJwt(token).sub;
    const key = typeof claimed === 'string' && Object.hasOwn(keys, claimed) ? keys[claimed] : undefined;
    if (!key) return null;
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [SIGNING_ALGORITHM],
      subject: claimed,
      requiredClaims: ['exp', 'rid'],
    });
    return payload.rid === requestId ? (claimed as string) : null;
  } catch {
    return null;
  }
}
