/** The app's calls to the graph, as the signed-in family member, and the graph's refusals in plain Swedish. */

const TOKEN_KEY = 'sip-family-token';
const ID_TOKEN_KEY = 'sip-family-id-token';

/** The sign-in lives for this browser tab only, never in localStorage. */
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  idToken: () => sessionStorage.getItem(ID_TOKEN_KEY),
  set: (token: string, idToken?: string | null) => {
    sessionStorage.setItem(TOKEN_KEY, token);
    if (idToken) sessionStorage.setItem(ID_TOKEN_KEY, idToken);
  },
  clear: () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ID_TOKEN_KEY);
  },
};

/** Told when the graph no longer takes the sign-in (it expired): the app asks to sign in again. */
export const SESSION_EXPIRED = 'sip-session-expired';

/** A refusal or an error the page shows in words; `code` and `field` stay as the graph gave them. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The graph's reasons (English, for developers), as a parent would want them said. */
const REASONS: Array<[RegExp, string]> = [
  [/already has an open SIP/, 'Barnet har redan en pågående SIP. Ta upp det i den i stället.'],
  [/already waiting for an answer/, 'Ni har redan en förfrågan som väntar på svar.'],
  [/name at least one agency/, 'Välj minst en verksamhet som är inblandad.'],
  [/must not be empty/, 'Skriv något här först.'],
  [/must be at most (\d+) characters/, 'Texten är för lång.'],
  [/from 18 the young person/, 'När barnet har fyllt 18 bestämmer hen själv och ber om SIP själv.'],
  [/from 15/, 'Från 15 år kan du be om en SIP själv. Innan dess gör en vårdnadshavare det.'],
  [/only a guardian with custody/, 'Bara en vårdnadshavare, eller barnet från 15 år, kan be om en SIP.'],
  [/already signed/, 'Du har redan skrivit under den här versionen.'],
  [/no longer the current version|not the current version/, 'Planen har ändrats sedan du öppnade den. Läs den nya.'],
  [
    /young person gave in their own name|YOUNG_PERSONS_OWN_WORD/,
    'Det här samtycket gav barnet själv. Bara hen kan ändra det.',
  ],
];

const CODES: Record<string, string> = {
  UNAUTHENTICATED: 'Du är inte inloggad längre. Logga in igen; det du skrev finns kvar.',
  FORBIDDEN: 'Det här får du inte göra med din inloggning.',
  BAD_USER_INPUT: 'Något av det du fyllde i gick inte att spara.',
  TOO_MANY_REQUESTS: 'Många försök på kort tid. Vänta en stund och försök igen.',
  SERVICE_UNAVAILABLE: 'Tjänsten svarar inte just nu. Försök igen om en stund.',
};

interface GraphError {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string };
}

/** The graph's error in plain Swedish; never the graph's own (English) text. */
export function explain(error: GraphError): ApiError {
  const { code = 'ERROR', field, reason } = error.extensions ?? {};
  const text = `${reason ?? ''} ${error.message}`;
  const known = REASONS.find(([pattern]) => pattern.test(text));
  return new ApiError(known?.[1] ?? CODES[code] ?? 'Något gick fel. Försök igen om en stund.', code, field);
}

/** Runs a GraphQL operation; throws an ApiError in Swedish when the graph refuses it. */
export async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const token = tokenStore.get();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('Det gick inte att nå tjänsten. Kontrollera uppkopplingen och försök igen.', 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphError[] } | null;
  if (body?.errors?.length) {
    const error = explain(body.errors[0]);
    if (error.code === 'UNAUTHENTICATED') window.dispatchEvent(new Event(SESSION_EXPIRED));
    throw error;
  }
  if (response.status === 401) {
    window.dispatchEvent(new Event(SESSION_EXPIRED));
    throw new ApiError(CODES.UNAUTHENTICATED, 'UNAUTHENTICATED');
  }
  if (!response.ok || !body?.data) throw new ApiError(CODES.SERVICE_UNAVAILABLE, 'HTTP_' + response.status);
  return body.data;
}

/** Who the token says is signed in (the graph verifies it on every call): their role, name and id. */
export function signedInAs(token: string | null): { role?: string; name?: string; sub?: string } {
  try {
    const part = token?.split('.')[1];
    if (!part) return {};
    const base64 = part.replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

/** A text the family is typing, kept in this tab, so that signing in again on the way loses none of it. */
export const draftStore = {
  get: (key: string) => sessionStorage.getItem(`sip-family-draft:${key}`) ?? '',
  set: (key: string, value: string) =>
    value
      ? sessionStorage.setItem(`sip-family-draft:${key}`, value)
      : sessionStorage.removeItem(`sip-family-draft:${key}`),
};
