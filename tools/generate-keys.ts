/** `npm run keys`: a fresh key pair for the requester context, as environment lines for a deployment. */
import { generateSigningKeyPair } from '../lib/auth/keys.ts';

const keys = await generateSigningKeyPair();
console.log('# gateway only:');
console.log(`REQUESTER_CONTEXT_PRIVATE_JWK='${JSON.stringify(keys.privateJwk)}'`);
console.log('# every subgraph:');
console.log(`REQUESTER_CONTEXT_PUBLIC_JWK='${JSON.stringify(keys.publicJwk)}'`);
