import { jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { requesterFromClaims, type Requester } from './requester.ts';
import { SIGNING_ALGORITHM } from './keys.ts';

/** The header in which the gateway passes the signed requester context to subgraphs. */
export const REQUESTER_CONTEXT_HEADER = 'x-requester-context';

const ISSUER = 'sip-graph-gateway';
const AUDIENCE = 'sip-graph-subgraphs';
/** Long enough for one request's subgraph fetches, short enough that a captured context is soon useless. */
export const REQUESTER_CONTEXT_TTL_SECONDS = 60;

export interface RequesterContext {
  requester: Requester;
  requestId: string;
  /** The signed token itself, forwarded when a subgraph asks the SIP core for consent decisions. */
  token: string;
}

export function signRequesterContext(key: CryptoKey, requester: Requester, requestId: string): Promise<string> {
  return new SignJWT({
    role: requester.role,
    agency: requester.agency,
    unit: requester.unit,
    name: requester.name,
    rid: requestId,
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setSubject(requester.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${REQUESTER_CONTEXT_TTL_SECONDS}s`)
    .sign(key);
}

/** Verifies a context signed by the gateway; returns null for anything else (missing, forged, expired, malformed). */
export async function verifyRequesterContext(
  key: CryptoKey,
  token: string | undefined,
): Promise<RequesterContext | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['exp', 'sub', 'rid'],
    });
    const requester = requesterFromClaims(payload);
    if (typeof requester === 'string' || typeof payload.rid !== 'string') return null;
    return { requester, requestId: payload.rid, token };
  } catch {
    return null;
  }
}
