/**
 * `npm run dev:token -- "<persona>"`: a demo persona's bearer token, signed with the stand-in
 * identity provider's key that `npm run keys > .env` wrote (DEV_AUTH_PRIVATE_JWK), for trying the
 * containers out (`docker compose up`). Without a persona it lists them. Never for production: a
 * real deployment's tokens come from its identity provider.
 */
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { DEMO_PERSONAS, issueDevToken } from '../dev/dev-identity.ts';
import { SIGNING_ALGORITHM } from '../lib/auth/keys.ts';

const persona = process.argv[2];
const claims = persona ? DEMO_PERSONAS[persona] : undefined;
if (!claims) {
  console.error(`usage: npm run dev:token -- "<persona>", one of: ${Object.keys(DEMO_PERSONAS).join(', ')}`);
  process.exit(2);
}
const raw = process.env.DEV_AUTH_PRIVATE_JWK;
if (!raw) {
  console.error('DEV_AUTH_PRIVATE_JWK is not set: run `npm run keys > .env` first');
  process.exit(2);
}
const key = (await importJWK(JSON.parse(raw) as JWK, SIGNING_ALGORITHM)) as CryptoKey;
console.log(await issueDevToken(key, claims));
