/**
 * `npm run keys`: fresh keys for a deployment, as environment lines (`npm run keys > .env`, which
 * .dockerignore keeps out of every image):
 * - each agency subgraph's own identity (it signs its requests for consent decisions; the SIP
 *   core verifies them);
 * - the SIP core's audit anchor key (AUDIT_ANCHOR_KEY), which signs the chain heads it keeps outside
 *   its database;
 * - for trying the containers out only: a stand-in identity provider's key pair. Its public half is
 *   AUTH_PUBLIC_JWK, which every service verifies tokens with; `npm run dev:token -- <persona>` signs
 *   demo tokens with the private half. A real deployment replaces both with its identity
 *   provider's (AUTH_PUBLIC_JWK or AUTH_JWKS_URL) and never holds the provider's private key.
 */
import { randomBytes } from 'node:crypto';
import { generateSigningKeyPair } from '../lib/auth/keys.ts';
import { AGENCY_SUBGRAPHS } from '../policy/agencies.ts';

const line = (variable: string, value: object | string) =>
  console.log(`${variable}='${typeof value === 'string' ? value : JSON.stringify(value)}'`);

for (const { subgraph: name } of AGENCY_SUBGRAPHS) {
  const identity = await generateSigningKeyPair();
  console.log(`# the ${name} subgraph only, as SUBGRAPH_IDENTITY_PRIVATE_JWK:`);
  line(`${name.toUpperCase()}_IDENTITY_PRIVATE_JWK`, identity.privateJwk);
  console.log('# the SIP core:');
  line(`${name.toUpperCase()}_IDENTITY_PUBLIC_JWK`, identity.publicJwk);
}
console.log('# the SIP core only: signs the audit chain heads it anchors outside its database');
line('AUDIT_ANCHOR_KEY', randomBytes(32).toString('hex'));
const provider = await generateSigningKeyPair();
console.log('# trying the containers out only: a stand-in identity provider (npm run dev:token -- "<persona>")');
line('AUTH_PUBLIC_JWK', provider.publicJwk);
line('DEV_AUTH_PRIVATE_JWK', provider.privateJwk);
