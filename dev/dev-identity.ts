import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { IdentityOptions } from '../lib/auth/identity-token.ts';
import { generateSigningKeyPair, SIGNING_ALGORITHM } from '../lib/auth/keys.ts';
import { demoChildren, demoGuardians, demoStaff, type DemoStaff } from './demo/people.ts';

/** Stands in for the municipality's identity provider in development and tests. */
export const DEV_ISSUER = 'sip-graph-dev';
export const DEV_AUDIENCE = 'sip-graph';

export interface TokenClaims {
  sub: string;
  role: string;
  agency?: string | null;
  unit?: string;
  name?: string;
}

export interface DevIdentity {
  identity: IdentityOptions;
  /** Its public key as a JWK, for a service started as its own process (AUTH_PUBLIC_JWK). */
  publicJwk: JWK;
  /** Its private key as a JWK: the local identity provider signs with it too. */
  privateJwk: JWK;
  issueToken(claims: TokenClaims, expiresIn?: string): Promise<string>;
}

const staffClaims = ({ subject, role, agency, unit, name }: DemoStaff): TokenClaims => ({
  sub: subject,
  role,
  agency,
  unit,
  name,
});

export const DEMO_PERSONAS: Record<string, TokenClaims> = {
  'school counsellor': staffClaims(demoStaff.counsellor),
  'social worker': staffClaims(demoStaff.socialWorker),
  'BUP doctor': staffClaims(demoStaff.doctor),
  'nurse outside every SIP': staffClaims(demoStaff.nurse),
  'guardian (Maria Lindqvist)': { sub: demoGuardians.mariaLindqvist.id, role: 'guardian', name: 'Maria Lindqvist' },
  'guardian (Johan Lindqvist)': { sub: demoGuardians.johanLindqvist.id, role: 'guardian', name: 'Johan Lindqvist' },
  'guardian (Sara Berg)': { sub: demoGuardians.saraBerg.id, role: 'guardian', name: 'Sara Berg' },
  'guardian (Eva Strand)': { sub: demoGuardians.evaStrand.id, role: 'guardian', name: 'Eva Strand' },
  'child, 16 (Elias Berg)': { sub: demoChildren.elias.id, role: 'child', name: 'Elias Berg' },
  'child, 16 (Juni Berg)': { sub: demoChildren.juni.id, role: 'child', name: 'Juni Berg' },
  'young person, 17 (Hedda Strand)': { sub: demoChildren.hedda.id, role: 'child', name: 'Hedda Strand' },
  'privacy officer': { sub: 'dpo-1', role: 'privacy_officer', name: 'Dataskyddsombud' },
};

/** A token from the development identity provider, signed with its private key. */
export const issueDevToken = (privateKey: CryptoKey, { sub, ...claims }: TokenClaims, expiresIn = '12h') =>
  new SignJWT({ ...claims })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM })
    .setSubject(sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(privateKey);

function identityFor(privateKey: CryptoKey, publicKey: CryptoKey, publicJwk: JWK, privateJwk: JWK): DevIdentity {
  return {
    identity: { key: publicKey, issuer: DEV_ISSUER, audience: DEV_AUDIENCE },
    publicJwk,
    privateJwk,
    issueToken: (claims, expiresIn) => issueDevToken(privateKey, claims, expiresIn),
  };
}

/** A fresh identity provider key that lives as long as the process. */
export async function ephemeralDevIdentity(): Promise<DevIdentity> {
  const keys = await generateSigningKeyPair();
  return identityFor(keys.privateKey, keys.publicKey, keys.publicJwk, keys.privateJwk);
}

/** The development identity key, created once and kept in `file`, so printed tokens survive restarts. */
export async function persistentDevIdentity(file: string): Promise<DevIdentity> {
  if (!existsSync(file)) {
    const keys = await generateSigningKeyPair();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ privateJwk: keys.privateJwk, publicJwk: keys.publicJwk }), { mode: 0o600 });
  }
  const { privateJwk, publicJwk } = JSON.parse(readFileSync(file, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
  return identityFor(
    (await importJWK(privateJwk, SIGNING_ALGORITHM)) as CryptoKey,
    (await importJWK(publicJwk, SIGNING_ALGORITHM)) as CryptoKey,
    publicJwk,
    privateJwk,
  );
}

/** Every demo persona with a fresh token, for GraphiQL's persona picker in development. */
export const demoPersonaTokens = (dev: DevIdentity) => () =>
  Promise.all(
    Object.entries(DEMO_PERSONAS).map(async ([persona, claims]) => ({ persona, token: await dev.issueToken(claims) })),
  );

const anchorKeyFile = (dataDir: string) => join(dataDir, 'audit-anchor-key');

/** The development audit anchor key (AUDIT_ANCHOR_KEY) npm start made under `dataDir`, if it made one. */
export const existingAnchorKey = (dataDir: string): string | null =>
  existsSync(anchorKeyFile(dataDir)) ? readFileSync(anchorKeyFile(dataDir), 'utf8').trim() : null;

/** The development audit anchor key, created once and kept under `dataDir`. */
export function persistentAnchorKey(dataDir: string): string {
  const file = anchorKeyFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return existingAnchorKey(dataDir)!;
}
