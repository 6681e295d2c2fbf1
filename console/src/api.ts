/** The console's calls: GraphQL through the gateway, and the console's own endpoints, as the signed-in officer. */

const TOKEN_KEY = 'sip-privacy-officer-token';

/** The token lives for this browser tab only, never in localStorage. */
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A refusal or an error the page can show: the graph's stable code, the field and the reason. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const FIELD_NAMES: Record<string, string> = {
  personnummer: 'Personnummer',
  purpose: 'Syfte',
  to: 'Tidsintervall',
  note: 'Anteckning',
  before: 'Sidbyte',
};

/** The graph's error in Swedish where we know the field; its own words otherwise. */
function explain(error: { message: string; extensions?: { code?: string; field?: string; reason?: string } }) {
  const { code = 'ERROR', field, reason } = error.extensions ?? {};
  if (code === 'UNAUTHENTICATED') return new ApiError('Inloggningen gäller inte längre. Logga in igen.', code);
  if (code === 'FORBIDDEN') return new ApiError(`Inte tillåtet: ${reason ?? error.message}`, code, field);
  if (field) return new ApiError(`${FIELD_NAMES[field] ?? field}: ${reason ?? error.message}`, code, field);
  return new ApiError(error.message, code);
}

async function send(url: string, init: RequestInit = {}) {
  const token = tokenStore.get();
  return fetch(url, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.headers ?? {}),
    },
  });
}

/** One GraphQL operation; the first error, if any, is thrown as an ApiError. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await send('/graphql', { method: 'POST', body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: never }> };
  if (body.errors?.length) throw explain(body.errors[0]);
  if (!res.ok || !body.data) throw new ApiError(`Grafen svarade ${res.status}`, 'HTTP');
  return body.data;
}

/** One of the console's own endpoints (/privacy/api/…). */
export async function consoleApi<T>(path: string, body?: unknown): Promise<T> {
  const res = await send(
    `/privacy/api/${path}`,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) },
  );
  const json = (await res.json()) as T & { errors?: Array<{ message: string; extensions?: never }> };
  if (!res.ok) throw explain(json.errors?.[0] ?? { message: `Konsolen svarade ${res.status}` });
  return json;
}
