import { jwtVerify, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { ErrorCode } from '../errors.ts';
import { HttpRequestError } from '../server/http-errors.ts';
import { SIGNING_ALGORITHM } from './keys.ts';
import { requesterFromClaims, type Requester } from './requester.ts';

/** How the identity provider's bearer tokens are verified: its public key (or JWKS), issuer and audience. */
export interface IdentityOptions {
  /** The identity provider's public key, or its key set (`createRemoteJWKSet` for a JWKS URL). */
  key: CryptoKey | JWTVerifyGetKey;
  /** One issuer, or several (in development: the dev tokens' and the local identity provider's). */
  issuer: string | string[];
  audience: string;
  /** Tokens meant to last longer than this (from iat, or from now) are refused. Default: 24 hours. */
  maxTokenLifetimeSeconds?: number;
  /**
   * How long a verified token is remembered without checking its key again; a key set fetched from
   * a JWKS URL is refreshed as often, so a key the provider withdrew stops counting within it.
   */
  keyRefreshMs?: number;
}

export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
export const DEFAULT_KEY_REFRESH_MS = 5 * 60_000;

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

// Verified tokens are remembered for a while (at most until they expire), so a request's several
// subgraph fetches (and a subgraph's calls to the SIP core) check the signature once. Bounded: the
// oldest are forgotten first.
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
  const maxLifetime = options.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const rememberMs = options.keyRefreshMs ?? DEFAULT_KEY_REFRESH_MS;
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
    const now = Date.now() / 1000;
    const issuedAt = typeof claims.iat === 'number' ? Math.min(claims.iat, now) : now;
    if ((claims.exp as number) - issuedAt > maxLifetime)
      throw unauthenticated(`the token is meant to last longer than ${maxLifetime} seconds`);
    const requester = requesterFromClaims(claims);
    if (typeof requester === 'string') throw unauthenticated(requester);
    if (verified.size >= REMEMBERED_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { requester, expiresAt: Math.min((claims.exp as number) * 1000, Date.now() + rememberMs) });
    return { requester, token };
  };
}
