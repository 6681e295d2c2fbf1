import type { IncomingMessage } from 'node:http';
import { jwtVerify, type CryptoKey } from 'jose';
import { SIGNING_ALGORITHM } from '../lib/auth/keys.ts';
import { requesterFromClaims, type Requester } from '../lib/auth/requester.ts';
import { ErrorCode } from '../lib/errors.ts';
import { HttpRequestError } from '../lib/server/http-errors.ts';

export interface IdentityOptions {
  /** The identity provider's public key for bearer tokens. */
  key: CryptoKey;
  issuer: string;
  audience: string;
}

function unauthenticated(reason: string): HttpRequestError {
  return new HttpRequestError(401, ErrorCode.Unauthenticated, `Unauthenticated: ${reason}`, {
    'www-authenticate':
      `Bearer realm="sip-graph", error="invalid_token", ` + `error_description="${reason.replace(/"/g, "'")}"`,
  });
}

/** The requester behind a request's bearer JWT; a 401 UNAUTHENTICATED for anything else. */
export async function authenticate(req: IncomingMessage, identity: IdentityOptions): Promise<Requester> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated(header ? 'the Authorization header is not "Bearer <token>"' : 'no bearer token');
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(match[1], identity.key, {
      issuer: identity.issuer,
      audience: identity.audience,
      algorithms: [SIGNING_ALGORITHM],
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    throw unauthenticated(`the token is not valid (${(error as { code?: string }).code ?? 'invalid'})`);
  }
  const requester = requesterFromClaims(claims);
  if (typeof requester === 'string') throw unauthenticated(requester);
  return requester;
}
