import { createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import type { IdentityOptions } from './identity-token.ts';

/** Where the identity provider's tokens come from and what they must say (AUTH_*). */
export interface IdentityProviderSettings {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  maxTokenLifetimeSeconds: number;
  keyRefreshMs: number;
  /** Where the apps sign in (OpenID Connect discovery under it); undefined: they take a pasted token. */
  signInIssuer?: string;
}

export const SIGNING_ALGORITHM = 'ES256';

const GENERATE_KEYS = 'generate keys with `npm run keys`';

export interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  privateJwk: JWK;
}

export async function generateSigningKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  return { privateKey, publicKey, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

/** Reads a JWK from an environment variable's JSON, naming the variable when it is missing or malformed. */
export async function importJwkFromEnv(
  variable: string,
  env: Record<string, string | undefined> = process.env,
  whereFrom = GENERATE_KEYS,
): Promise<CryptoKey> {
  const raw = env[variable];
  if (!raw) throw new MissingKeyError(variable, undefined, whereFrom);
  try {
    return (await importJWK(JSON.parse(raw) as JWK, SIGNING_ALGORITHM)) as CryptoKey;
  } catch (error) {
    throw new MissingKeyError(variable, (error as Error).message);
  }
}

/** Like importJwkFromEnv, but an unset variable means no key. */
export async function importOptionalJwkFromEnv(
  variable: string,
  env: Record<string, string | undefined> = process.env,
): Promise<CryptoKey | undefined> {
  return env[variable] ? importJwkFromEnv(variable, env) : undefined;
}

export class MissingKeyError extends Error {
  constructor(
    readonly variable: string,
    problem?: string,
    whereFrom = GENERATE_KEYS,
  ) {
    super(
      problem
        ? `${variable} is not a usable ${SIGNING_ALGORITHM} JWK: ${problem}`
        : `${variable} is not set; ${whereFrom}`,
    );
  }
}

/**
 * The identity provider's keys for a service run on its own: its JWKS (`AUTH_JWKS_URL`) or one public
 * key (`AUTH_PUBLIC_JWK`). The key set is fetched again when a token names a key it does not hold
 * (a new key) and whenever it is older than `keyRefreshMs` (a withdrawn key stops counting).
 */
export async function identityFromEnv(
  auth: IdentityProviderSettings,
  env: Record<string, string | undefined> = process.env,
): Promise<IdentityOptions> {
  const { keyRefreshMs } = auth;
  const key = auth.jwksUrl
    ? createRemoteJWKSet(new URL(auth.jwksUrl), {
        cacheMaxAge: keyRefreshMs,
        cooldownDuration: Math.min(keyRefreshMs, 30_000),
      })
    : await importJwkFromEnv(
        'AUTH_PUBLIC_JWK',
        env,
        'set it to the identity provider’s public key, or set AUTH_JWKS_URL',
      );
  return {
    key,
    issuer: auth.issuer,
    audience: auth.audience,
    maxTokenLifetimeSeconds: auth.maxTokenLifetimeSeconds,
    keyRefreshMs,
  };
}
