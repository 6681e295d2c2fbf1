import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Ss12000ErrorCode, Ss12000HttpError } from './errors.ts';

/**
 * SS 12000 secures every endpoint with an HTTP bearer token (`BearerAuth`, a JWT in production).
 * The stand-in accepts exactly the token it was started with. Missing or wrong tokens answer 401
 * with a `WWW-Authenticate` challenge as RFC 6750 has it, and the standard's error body.
 */
export function requireBearerToken(token: string): RequestHandler {
  const expected = Buffer.from(token);
  return (req, res, next) => {
    const presented = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (presented === undefined) {
      res.set('WWW-Authenticate', 'Bearer realm="SS 12000"');
      throw new Ss12000HttpError(401, Ss12000ErrorCode.MissingToken, 'A bearer token is required');
    }
    const given = Buffer.from(presented);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="SS 12000", error="invalid_token"');
      throw new Ss12000HttpError(401, Ss12000ErrorCode.InvalidToken, 'The bearer token is not valid');
    }
    next();
  };
}
