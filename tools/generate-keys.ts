/**
 * `npm run keys`: fresh key pairs for a deployment, as environment lines: the requester context
 * (the gateway signs, every subgraph verifies) and each agency subgraph's own identity (it signs
 * its requests for consent decisions, the SIP core verifies).
 */
import { generateSigningKeyPair } from '../lib/auth/keys.ts';

const line = (variable: string, jwk: object) => console.log(`${variable}='${JSON.stringify(jwk)}'`);

const context = await generateSigningKeyPair();
console.log('# gateway only:');
line('REQUESTER_CONTEXT_PRIVATE_JWK', context.privateJwk);
console.log('# every subgraph:');
line('REQUESTER_CONTEXT_PUBLIC_JWK', context.publicJwk);
for (const name of ['school', 'social', 'health']) {
  const identity = await generateSigningKeyPair();
  console.log(`# the ${name} subgraph only, as SUBGRAPH_IDENTITY_PRIVATE_JWK:`);
  line(`${name.toUpperCase()}_IDENTITY_PRIVATE_JWK`, identity.privateJwk);
  console.log('# the SIP core:');
  line(`${name.toUpperCase()}_IDENTITY_PUBLIC_JWK`, identity.publicJwk);
}
