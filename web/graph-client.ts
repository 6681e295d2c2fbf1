/**
 * An app's calls to the graph as its signed-in user, and the graph's refusals in plain Swedish:
 * shared by the families' app and the coordinator's workspace, each with its own words for the
 * reasons its users meet.
 */
import { useEffect, useState } from 'react';

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

/** What a code means when the graph's reason is none the app knows. */
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

export interface GraphClient {
  /** The sign-in lives for this browser tab only, never in localStorage. */
  tokenStore: {
    get(): string | null;
    idToken(): string | null;
    set(token: string, idToken?: string | null): void;
    clear(): void;
  };
  /** Runs a GraphQL operation; throws an ApiError in Swedish when the graph refuses it. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A text being typed, kept in this tab, so that signing in again on the way loses none of it. */
  draftStore: { get(key: string): string; set(key: string, value: string): void };
}

/**
 * The client of one app (`app` names its keys in the tab's storage). `reasons` turn the graph's
 * reasons (English, for developers) into the app's own words; the graph's text is never shown.
 */
export function graphClient(app: string, reasons: ReadonlyArray<[RegExp, string]>): GraphClient {
  const tokenKey = `sip-${app}-token`;
  const idTokenKey = `sip-${app}-id-token`;
  const draftKey = (key: string) => `sip-${app}-draft:${key}`;

  const explain = (error: GraphError): ApiError => {
    const { code = 'ERROR', field, reason } = error.extensions ?? {};
    const text = `${reason ?? ''} ${error.message}`;
    const known = reasons.find(([pattern]) => pattern.test(text));
    return new ApiError(known?.[1] ?? CODES[code] ?? 'Något gick fel. Försök igen om en stund.', code, field);
  };

  const tokenStore: GraphClient['tokenStore'] = {
    get: () => sessionStorage.getItem(tokenKey),
    idToken: () => sessionStorage.getItem(idTokenKey),
    set: (token, idToken) => {
      sessionStorage.setItem(tokenKey, token);
      if (idToken) sessionStorage.setItem(idTokenKey, idToken);
    },
    clear: () => {
      sessionStorage.removeItem(tokenKey);
      sessionStorage.removeItem(idTokenKey);
    },
  };

  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
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

  const draftStore: GraphClient['draftStore'] = {
    get: (key) => sessionStorage.getItem(draftKey(key)) ?? '',
    set: (key, value) =>
      value ? sessionStorage.setItem(draftKey(key), value) : sessionStorage.removeItem(draftKey(key)),
  };

  return { tokenStore, graphql, draftStore };
}

/** Who the token says is signed in (the graph verifies it on every call): role, name, id, agency and unit. */
export function signedInAs(token: string | null): {
  role?: string;
  name?: string;
  sub?: string;
  agency?: string;
  unit?: string;
} {
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

/** Loads `query` through `client` when the variables or `version` change; the data, or what went wrong in words. */
export function useGraphQuery<T>(client: GraphClient, query: string, variables: Record<string, unknown>, version = 0) {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const key = JSON.stringify(variables);
  useEffect(() => {
    let live = true;
    client.graphql<T>(query, JSON.parse(key)).then(
      (data) => live && setState({ data }),
      (error: Error) => live && setState({ error: error.message }),
    );
    return () => {
      live = false;
    };
  }, [client, query, key, version]);
  return state;
}
