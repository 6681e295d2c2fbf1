import { createHash, randomUUID } from 'node:crypto';
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
/** Long enough for a call on a slow machine, short enough that the replay guard need remember little. */
const LIFETIME_SECONDS = 30;

const bodyHash = (body: string | Buffer) => createHash('sha256').update(body).digest('base64url');

/**
 * Signs "this is `subgraph`, sending this body for request `requestId`", once: the signature covers
 * the body's hash and a unique id, so it is worth nothing for another body, request or call.
 */
export function signSubgraphIdentity(
  key: CryptoKey,
  subgraph: string,
  requestId: string,
  body: string,
): Promise<string> {
  return new SignJWT({ rid: requestId, bh: bodyHash(body) })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setSubject(subgraph)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key);
}

/**
 * Remembers a signature's unique id until it expires; true the first time an id is shown. Where
 * it keeps them decides what a replay can get past: a process's memory forgets on restart and is
 * not shared by replicas, a database is neither.
 */
export type FirstUse = (jti: string, expiresAt: Date) => Promise<boolean>;

/** First use, remembered in this process only: enough where a replay is answered but changes nothing. */
export function firstUseInMemory(): FirstUse {
  const seen = new Map<string, number>();
  return async (jti, expiresAt) => {
    // Every signature lives as long, so the oldest remembered ones expire first.
    const now = Date.now();
    for (const [known, until] of seen) {
      if (until > now) break;
      seen.delete(known);
    }
    if (seen.has(jti)) return false;
    seen.set(jti, expiresAt.getTime());
    return true;
  };
}

/** A call whose signature holds, before its id is checked against replay. */
export interface SignedCall {
  /** The subgraph whose key signed it. */
  subgraph: string;
  /** The signature's unique id, and when it expires: what a replay guard stores. */
  jti: string;
  expiresAt: Date;
}

export type SubgraphSignatureCheck = (
  token: string | undefined,
  requestId: string,
  body: Buffer | undefined,
) => Promise<SignedCall | null>;

/**
 * The call `token` signs, if a subgraph signed it with its own key, for this request and this very
 * body, and it has not expired; null for anything else (missing, unknown subgraph, another
 * subgraph's key, another request or body, expired). Whether it was shown before is not checked
 * here: a route that stores the signature's id itself, with what it writes, does that.
 */
export function createSubgraphSignatureCheck(keys: Readonly<Record<string, CryptoKey>>): SubgraphSignatureCheck {
  return async (token, requestId, body) => {
    if (!token || !body) return null;
    try {
      const claimed = decodeJwt(token).sub;
      const key = typeof claimed === 'string' && Object.hasOwn(keys, claimed) ? keys[claimed] : undefined;
      if (!key) return null;
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [SIGNING_ALGORITHM],
        subject: claimed,
        requiredClaims: ['exp', 'jti', 'rid', 'bh'],
      });
      if (payload.rid !== requestId || payload.bh !== bodyHash(body)) return null;
      return { subgraph: claimed as string, jti: payload.jti!, expiresAt: new Date(payload.exp! * 1000) };
    } catch {
      return null;
    }
  };
}

export type SubgraphIdentityVerifier = (
  token: string | undefined,
  requestId: string,
  body: Buffer | undefined,
) => Promise<string | null>;

/**
 * The subgraph that signed `token` with its own key, for this request and this very body, the first
 * time it is shown; null for anything else (missing, unknown subgraph, another subgraph's key,
 * another request or body, expired, or shown before).
 */
export function createSubgraphIdentityVerifier(
  keys: Readonly<Record<string, CryptoKey>>,
  firstUse: FirstUse = firstUseInMemory(),
): SubgraphIdentityVerifier {
  const check = createSubgraphSignatureCheck(keys);
  return async (token, requestId, body) => {
    const call = await check(token, requestId, body);
    if (!call) return null;
    return (await firstUse(call.jti, call.expiresAt).catch(() => false)) ? call.subgraph : null;
  };
}
