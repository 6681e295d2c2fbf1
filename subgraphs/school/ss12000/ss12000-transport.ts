import type { SourceLocation } from '../../../lib/source/source-system.ts';
import { Ss12000Error } from './ss12000-error.ts';

export interface Ss12000Request {
  method: 'GET' | 'POST';
  /** Below the server URL, e.g. `/persons/lookup`. */
  path: string;
  /** Repeated names are the standard's arrays (`student=…&student=…`). */
  query?: [string, string][];
  body?: unknown;
}

/** One HTTP request to the SS 12000 server; resolves to the parsed JSON body of a 2xx answer. */
export type Ss12000Send = (request: Ss12000Request) => Promise<unknown>;

/** Where the server answers (`url`, `token`, `timeoutMs` for each request, its body included), and hooks. */
export interface Ss12000TransportOptions extends SourceLocation {
  fetch?: typeof fetch;
  /** Before every request; method and path only (no query, no body: no personal data). */
  onRequest?: (request: { method: 'GET' | 'POST'; path: string }) => void;
}

// A source's code goes into messages only if it looks like one, and never if it could be a civic number.
const looksLikeCode = (code: unknown): code is string =>
  typeof code === 'string' && /^[\w.:-]{1,64}$/.test(code) && !/\d{6}/.test(code);

const networkCodeOf = (error: unknown): string | undefined => {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : undefined;
};

export function createSs12000Transport(options: Ss12000TransportOptions): Ss12000Send {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  return async ({ method, path, query, body }) => {
    const operation = `${method} ${path}`;
    options.onRequest?.({ method, path });
    const url = new URL(base + path);
    if (query) url.search = new URLSearchParams(query).toString();
    let status: number;
    let text: string;
    try {
      const response = await doFetch(url, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Covers the body too: a server that sends headers and then stalls times out as well.
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if ((error as Error).name === 'TimeoutError')
        throw new Ss12000Error('timeout', operation, { timeoutMs: options.timeoutMs });
      throw new Ss12000Error('unreachable', operation, { networkCode: networkCodeOf(error) });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (status < 200 || status > 299) {
      const code = (parsed as { code?: unknown } | undefined)?.code;
      throw new Ss12000Error('status', operation, {
        status,
        sourceCode: looksLikeCode(code) ? code : undefined,
      });
    }
    if (parsed === undefined) throw new Ss12000Error('invalid_response', operation);
    return parsed;
  };
}
