import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { sendJson } from '../lib/server/http-errors.ts';

/** Where `npm run family:build` (run by `npm install`) writes the families' app. */
export const FAMILY_APP_DIST = join(import.meta.dirname, '..', 'family', 'dist');

/**
 * The families' app at /familj: guardians and children read the SIP and its plan, their consents and
 * who read what, and ask for a SIP. Pages only: everything it shows comes from /graphql, under the
 * signed-in family member's own token.
 */
export function familyApp(): Router {
  const router = Router();
  if (existsSync(FAMILY_APP_DIST)) {
    router.use(express.static(FAMILY_APP_DIST, { index: 'index.html' }));
    // Every page of the app is the same document; it shows the page its address names.
    router.get(/.*/, (_req, res) => res.sendFile(join(FAMILY_APP_DIST, 'index.html')));
  } else {
    router.get(/.*/, (_req, res) =>
      sendJson(res, 503, { error: 'the families’ app is not built: run `npm run family:build`' }),
    );
  }
  return router;
}
