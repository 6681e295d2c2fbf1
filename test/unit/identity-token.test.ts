import { createServer, type Server } from 'node:http';
import { SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityVerifier } from '../../lib/auth/identity-token.ts';
import { generateSigningKeyPair, identityFromEnv, SIGNING_ALGORITHM, type KeyPair } from '../../lib/auth/keys.ts';

const ISSUER = 'idp';
const AUDIENCE = 'sip-graph';
const claims = { role: 'doctor', agency: 'HEALTH_CARE', unit: 'BUP Norra' };

const tokenOf = (keys: KeyPair, expiresIn: string, kid?: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, ...(kid && { kid }) })
    .setSubject('staff-1')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keys.privateKey);

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: Error) => error.message,
  );

describe('the identity provider’s tokens', () => {
  it('are refused when meant to last longer than the configured lifetime', async () => {
    const keys = await generateSigningKeyPair();
    const verify = createIdentityVerifier({ key: keys.publicKey, issuer: ISSUER, audience: AUDIENCE });
    expect(await refusal(verify(`Bearer ${await tokenOf(keys, '12h')}`))).toBeNull();
    expect(await refusal(verify(`Bearer ${await tokenOf(keys, '100y')}`))).toBe(
      'Unauthenticated: the token is meant to last longer than 86400 seconds',
    );
    const strict = createIdentityVerifier({
      key: keys.publicKey,
      issuer: ISSUER,
      audience: AUDIENCE,
      maxTokenLifetimeSeconds: 3600,
    });
    expect(await refusal(strict(`Bearer ${await tokenOf(keys, '2h')}`))).toMatch(/longer than 3600 seconds/);
  });

  describe('from a JWKS URL', () => {
    let server: Server;
    let published: JWK[] = [];
    let fetches = 0;
    let jwksUrl: string;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        fetches++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: published }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('take a new key at once and stop taking a withdrawn one within the refresh period', async () => {
      const [first, second] = [await generateSigningKeyPair(), await generateSigningKeyPair()];
      published = [{ ...first.publicJwk, kid: 'first', alg: SIGNING_ALGORITHM }];
      const verify = createIdentityVerifier(
        await identityFromEnv({
          issuer: ISSUER,
          audience: AUDIENCE,
          jwksUrl,
          maxTokenLifetimeSeconds: 86_400,
          keyRefreshMs: 300,
        }),
      );
      const firstToken = await tokenOf(first, '1h', 'first');
      expect(await refusal(verify(`Bearer ${firstToken}`))).toBeNull();
      // The provider rotates: a new key appears, the old one is withdrawn.
      await new Promise((resolve) => setTimeout(resolve, 400));
      published = [{ ...second.publicJwk, kid: 'second', alg: SIGNING_ALGORITHM }];
      const before = fetches;
      expect(await refusal(verify(`Bearer ${await tokenOf(second, '1h', 'second')}`))).toBeNull();
      expect(fetches).toBeGreaterThan(before);
      expect(await refusal(verify(`Bearer ${firstToken}`))).toMatch(/^Unauthenticated: the token is not valid/);
    });
  });
});
