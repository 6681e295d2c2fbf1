import { jwtVerify, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { ErrorCode } from '../errors.ts';
import { HttpRequestError } from '../server/http-errors.ts';
import { SIGNING_ALGORITHM } from './keys.ts';
import { requesterFromClaims, type Requester } from './requester.ts';

/** How the identity provider's bearer tokens are verified: its public key (or JWKS), issuer and audience. */
export interface IdentityOptions {
  /** The identity provider's public key, or its key set (`createRemoteJWKSet` for a JWKS URL). */
  key: CryptoKey | JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

/** Who asks, as their identity provider's token says, and the token itself, which calls on their behalf carry. */
export interface VerifiedIdentity {
  requester: Requester;
  token: string;
}

/** The verified identity behind one request as a subgraph sees it, with the request's id. */
export interface RequesterContext extends VerifiedIdentity {
  requestId: string;
}

/** A route's requester, for routes that serve a requester only (a 401 without one). */
export function requiredRequester(context: RequesterContext | null): RequesterContext {
  if (!context) throw unauthenticated('no bearer token');
  return context;
}

export type IdentityVerifier = (authorization: string | undefined) => Promise<VerifiedIdentity>;

// Verified tokens are remembered until they expire, so a request's several subgraph fetches (and a
// subgraph's calls to the SIP core) check the signature once. Bounded: the oldest are forgotten first.
const REMEMBERED_TOKENS = 10_000;

export function unauthenticated(reason: string): HttpRequestError {
  return new HttpRequestError(401, ErrorCode.Unauthenticated, `Unauthenticated: ${reason}`, {
    'www-authenticate':
      `Bearer realm="sip-graph", error="invalid_token", ` + `error_description="${reason.replace(/"/g, "'")}"`,
  });
}

/**
 * Verifies `Authorization: Bearer <JWT>` from the identity provider: signature, issuer, audience,
 * expiry, and claims that fit a role the policy knows. Every service does this itself (the gateway,
 * and every subgraph, whatever router sits in front), so no internal credential stands in for it.
 * Anything else is a 401 with the reason.
 */
export function createIdentityVerifier(options: IdentityOptions): IdentityVerifier {
  const verified = new Map<string, { requester: Requester; expiresAt: number }>();
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) {
      throw unauthenticated(authorization ? 'the Authorization header is not "Bearer <token>"' : 'no bearer token');
    }
    const token = match[1];
    const known = verified.get(token);
    if (known && known.expiresAt > Date.now()) return { requester: known.requester, token };
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, options.key as CryptoKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [SIGNING_ALGORITHM],
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw unauthenticated(`the token is not valid (${(error as { code?: string }).code ?? 'invalid'})`);
    }
    const requester = requesterFromClaims(claims);
    if (typeof requester === 'string') throw unauthenticated(requester);
    if (verified.size >= REMEMBERED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { requester, expiresAt: (claims.exp as number) * 1000 });
    return { requester, token };
  };
}
