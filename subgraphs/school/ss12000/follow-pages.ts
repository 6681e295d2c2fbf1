import { Ss12000Error } from './ss12000-error.ts';
import type { Ss12000Send } from './ss12000-transport.ts';

/**
 * Every item of a list endpoint: the first page with the query, then each `pageToken` the server
 * gives until it gives none. The standard lets nothing but `limit` accompany a `pageToken`. A server
 * that hands out a token twice would send us round for ever: that is an invalid response.
 */
export async function allPages<T>(
  send: Ss12000Send,
  path: string,
  query: [string, string][],
  pageSize?: number,
): Promise<T[]> {
  const limit: [string, string][] = pageSize === undefined ? [] : [['limit', String(pageSize)]];
  const items: T[] = [];
  const seen = new Set<string>();
  let pageToken: string | undefined;
  do {
    const page = await send({
      method: 'GET',
      path,
      query: pageToken === undefined ? [...query, ...limit] : [['pageToken', pageToken], ...limit],
    });
    const { data, pageToken: next = null } = (page ?? {}) as { data?: unknown; pageToken?: unknown };
    const valid = Array.isArray(data) && (next === null || (typeof next === 'string' && !seen.has(next)));
    if (!valid) throw new Ss12000Error('invalid_response', `GET ${path}`);
    items.push(...(data as T[]));
    pageToken = (next as string | null) ?? undefined;
    if (pageToken !== undefined) seen.add(pageToken);
  } while (pageToken !== undefined);
  return items;
}
