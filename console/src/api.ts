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
  from: 'Tidsintervall',
  to: 'Tidsintervall',
  scope: 'Kategori',
  at: 'Tidpunkt',
  note: 'Anteckning',
  before: 'Sidbyte',
  key: 'Posten',
  childId: 'Barnet',
};

/** The graph's reasons in English, as the subgraphs word them, for the inputs the console sends. */
const INPUT_REASONS: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^must not be empty$/, () => 'får inte vara tomt'],
  [/^must be at most (\d+) characters$/, ([, max]) => `får vara högst ${max} tecken`],
  [/^must not be before from$/, () => '"till" ligger före "från"'],
  [/^must be YYYYMMDD-NNNN or YYMMDD-NNNN$/, () => 'skriv ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN'],
  [/^does not contain a valid date of birth$/, () => 'innehåller inget giltigt födelsedatum'],
  [/^check digit \(Luhn\) does not match$/, () => 'kontrollsiffran stämmer inte'],
  [/^must be the id of an audit entry$/, () => 'sidan finns inte längre; sök igen'],
  [/^already reviewed$/, () => 'är redan granskad'],
  [/^no \w+ item with this key$/, () => 'finns inte längre i granskningen'],
  [/^no child with this id$/, () => 'inget barn har det id:t'],
];

/** What the graph's codes mean when it gives no reason the console knows. */
const CODES: Record<string, string> = {
  BAD_REQUEST: 'Grafen förstod inte begäran.',
  BAD_USER_INPUT: 'Grafen godtog inte ett av värdena.',
  NOT_FOUND: 'Det du frågade efter finns inte.',
  TOO_MANY_REQUESTS: 'För många förfrågningar på kort tid. Vänta en stund och försök igen.',
  SERVICE_UNAVAILABLE: 'Grafen hinner inte svara just nu. Försök igen om en stund.',
  CONSENT_UNAVAILABLE: 'Samtyckesprövningen svarade inte. Försök igen om en stund.',
  INTERNAL_SERVER_ERROR: 'Något gick fel i grafen. Försök igen; kvarstår felet, kontakta förvaltningen.',
};

const reasonInSwedish = (reason: string) => {
  for (const [pattern, say] of INPUT_REASONS) {
    const match = reason.match(pattern);
    if (match) return say(match);
  }
  return null;
};

/**
 * The graph's error in Swedish. Its messages and reasons are English, for developers: the console says what it knows
 * of the code, the field and the reason in its own words, and never shows the graph's text.
 */
function explain(error: { message: string; extensions?: { code?: string; field?: string; reason?: string } }) {
  const { code = 'ERROR', field, reason } = error.extensions ?? {};
  if (code === 'UNAUTHENTICATED') return new ApiError('Inloggningen gäller inte längre. Logga in igen.', code);
  if (code === 'FORBIDDEN')
    return new ApiError('Inte tillåtet: din inloggning ger inte tillgång till det här.', code, field);
  const why = reason ? reasonInSwedish(reason) : null;
  if (field) return new ApiError(`${FIELD_NAMES[field] ?? 'Ett av värdena'}: ${why ?? 'godtogs inte'}.`, code, field);
  return new ApiError(CODES[code] ?? `Det gick inte (felkod ${code}).`, code);
}

/** The body of an answer, or an ApiError in words when there is none: a proxy's error page, a lost connection. */
async function answer<T>(res: Response, from: string): Promise<T> {
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(`${from} svarade inte som väntat (status ${res.status}). Försök igen om en stund.`, 'HTTP');
  }
}

async function send(url: string, init: RequestInit = {}) {
  const token = tokenStore.get();
  try {
    return await fetch(url, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.headers ?? {}),
      },
    });
  } catch {
    throw new ApiError('Grafen gick inte att nå. Kontrollera nätverket och försök igen.', 'NETWORK');
  }
}

type Errors = { errors?: Array<{ message: string; extensions?: never }> };

/** One GraphQL operation; the first error, if any, is thrown as an ApiError. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await send('/graphql', { method: 'POST', body: JSON.stringify({ query, variables }) });
  const body = await answer<{ data?: T } & Errors>(res, 'Grafen');
  if (body.errors?.length) throw explain(body.errors[0]);
  if (!res.ok || !body.data) throw new ApiError(`Grafen svarade inte som väntat (status ${res.status}).`, 'HTTP');
  return body.data;
}

/** One of the console's own endpoints (/privacy/api/…). */
export async function consoleApi<T>(path: string, body?: unknown): Promise<T> {
  const res = await send(
    `/privacy/api/${path}`,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) },
  );
  const json = await answer<T & Errors>(res, 'Konsolen');
  if (!res.ok) throw explain(json.errors?.[0] ?? { message: '', extensions: { code: `HTTP ${res.status}` } });
  return json;
}
