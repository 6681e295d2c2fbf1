import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';

export const SIGNING_ALGORITHM = 'ES256';

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
): Promise<CryptoKey> {
  const raw = env[variable];
  if (!raw) throw new MissingKeyError(variable);
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
  ) {
    super(
      problem
        ? `${variable} is not a usable ${SIGNING_ALGORITHM} JWK: ${problem}`
        : `${variable} is not set; generate keys with \`npm run keys\``,
    );
  }
}
