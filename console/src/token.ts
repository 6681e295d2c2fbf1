/** What the console can tell of a token before the graph has seen it, and what it says of the officer. */

export interface TokenClaims {
  sub?: string;
  name?: string;
  exp?: number;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

const decode = (segment: string): unknown => {
  const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
};

/** The token as pasted, without the "Bearer " people copy along from a header. */
export const cleanToken = (value: string) => value.trim().replace(/^Bearer\s+/i, '');

/** A JWT's three parts (header, claims, signature); null if it is not one. */
function parts(token: string): { header: { alg?: unknown }; claims: TokenClaims } | null {
  const segments = token.split('.');
  if (segments.length !== 3 || !segments.every((s) => SEGMENT.test(s))) return null;
  try {
    const [header, claims] = [decode(segments[0]), decode(segments[1])];
    if (typeof header !== 'object' || header === null || typeof claims !== 'object' || claims === null) return null;
    return { header: header as { alg?: unknown }, claims: claims as TokenClaims };
  } catch {
    return null;
  }
}

/**
 * Why the pasted text cannot be a sign-in, in words; null when it looks like a token. Only the graph can say that a
 * token is valid: this catches what would otherwise come back as a bare refusal.
 */
export function tokenProblem(value: string, now = Date.now()): string | null {
  const token = cleanToken(value);
  if (!token) return 'Klistra in din token för att logga in.';
  const jwt = parts(token);
  if (!jwt || typeof jwt.header.alg !== 'string')
    return 'Det här är ingen giltig token. En token (JWT) är tre delar med punkter emellan; kopiera hela på nytt.';
  if (typeof jwt.claims.exp === 'number' && jwt.claims.exp * 1000 <= now)
    return 'Din token har gått ut. Hämta en ny och logga in igen.';
  return null;
}

/** The signed-in officer as their token names them (not verified here: the graph verifies every call). */
export const claimsOf = (token: string | null): TokenClaims => (token ? (parts(token)?.claims ?? {}) : {});
