/**
 * `npm run keys`: fresh key pairs for a deployment, as environment lines: each agency subgraph's own
 * identity (it signs its requests for consent decisions, the SIP core verifies). Requesters' tokens
 * come from the identity provider, whose key every service reads (AUTH_PUBLIC_JWK or AUTH_JWKS_URL).
 */
import { generateSigningKeyPair } from '../lib/auth/keys.ts';

const line = (variable: string, jwk: object) => console.log(`${variable}='${JSON.stringify(jwk)}'`);

for (const name of ['school', 'social', 'health']) {
  const identity = await generateSigningKeyPair();
  console.log(`# the ${name} subgraph only, as SUBGRAPH_IDENTITY_PRIVATE_JWK:`);
  line(`${name.toUpperCase()}_IDENTITY_PRIVATE_JWK`, identity.privateJwk);
  console.log('# the SIP core:');
  line(`${name.toUpperCase()}_IDENTITY_PUBLIC_JWK`, identity.publicJwk);
}
