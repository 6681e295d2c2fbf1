import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { sendJson } from '../lib/server/http-errors.ts';

/**
 * A browser app built by `npm install` into `<folder>/dist`: the families' app at /familj, the
 * coordinator's workspace at /samordning. Pages only: everything they show comes from /graphql,
 * under the signed-in user's own token.
 */
export function appPages(folder: 'family' | 'workspace'): Router {
  const dist = join(import.meta.dirname, '..', folder, 'dist');
  const router = Router();
  if (existsSync(dist)) {
    router.use(express.static(dist, { index: 'index.html' }));
    // Every page of the app is the same document; it shows the page its address names.
    router.get(/.*/, (_req, res) => res.sendFile(join(dist, 'index.html')));
  } else {
    router.get(/.*/, (_req, res) =>
      sendJson(res, 503, { error: `the app is not built: run \`npm run ${folder}:build\`` }),
    );
  }
  return router;
}
