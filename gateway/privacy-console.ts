import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import type { IdentityVerifier } from '../lib/auth/identity-token.ts';
import { policyDiff, policyReport } from '../lib/consent/policy-report.ts';
import { ErrorCode } from '../lib/errors.ts';
import { HttpRequestError, sendJson } from '../lib/server/http-errors.ts';
import { isPrivacyOfficer } from '../policy/roles.ts';
import type { PersonaTokens } from './graphiql.ts';

/** Where `npm run console:build` (run by `npm install`) writes the console. */
export const CONSOLE_DIST = join(import.meta.dirname, '..', 'console', 'dist');

/**
 * The privacy officer's console at /privacy: its pages (built from console/), and what the graph
 * cannot answer itself, for a privacy officer's token only: the policy of the composed supergraph
 * this gateway serves, and a comparison of it (or another) with a proposed supergraph.
 */
export function privacyConsole(options: {
  supergraphSdl: string;
  verifyIdentity: IdentityVerifier;
  personaTokens?: PersonaTokens;
}): Router {
  const router = Router();
  const privacyOfficerOnly: RequestHandler = async (req, _res, next) => {
    const { requester } = await options.verifyIdentity(req.headers.authorization);
    if (!isPrivacyOfficer(requester))
      throw new HttpRequestError(403, ErrorCode.Forbidden, 'Forbidden: the console is for privacy officers');
    next();
  };
  router.get('/api/policy', privacyOfficerOnly, (_req, res) => sendJson(res, 200, policyReport(options.supergraphSdl)));
  router.post('/api/policy-diff', privacyOfficerOnly, express.json({ limit: '5mb' }), (req, res) => {
    const { before, after } = (req.body ?? {}) as { before?: unknown; after?: unknown };
    if (typeof after !== 'string' || (before !== undefined && typeof before !== 'string'))
      throw new HttpRequestError(400, ErrorCode.BadRequest, 'expected { after: SDL, before?: SDL }');
    try {
      sendJson(res, 200, policyDiff(before ?? options.supergraphSdl, after));
    } catch (error) {
      throw new HttpRequestError(400, ErrorCode.BadRequest, `not a supergraph: ${(error as Error).message}`);
    }
  });
  // In development only (npm start): the demo privacy officer's token, offered on the sign-in page.
  const personaTokens = options.personaTokens;
  if (personaTokens)
    router.get('/api/demo-token.json', async (_req, res) => {
      const officer = (await personaTokens()).find(({ persona }) => persona === 'privacy officer');
      sendJson(res, officer ? 200 : 404, officer ? { token: officer.token } : { error: 'no demo token here' }, {
        'cache-control': 'no-store',
      });
    });
  if (existsSync(CONSOLE_DIST)) {
    router.use(express.static(CONSOLE_DIST, { index: 'index.html' }));
    // Every page of the console is the same document; it shows the page its address names.
    router.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(CONSOLE_DIST, 'index.html')));
  } else {
    router.get(/^\/(?!api\/).*/, (_req, res) =>
      sendJson(res, 503, { error: 'the console is not built: run `npm run console:build`' }),
    );
  }
  return router;
}
