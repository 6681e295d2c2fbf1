import { Ss12000ErrorCode, Ss12000HttpError, badParameter } from './errors.ts';
import { single, type QueryValues } from './query-filters.ts';

/** A list request as the handler serves it: its own or its first page's parameters, and where to go on. */
export interface ListQuery {
  values: QueryValues;
  limit?: number;
  /** The key of the last item the previous page returned. */
  after?: string;
}

interface PageTokenContent {
  /** The endpoint that gave the token out. */
  e: string;
  /** The first page's parameters. */
  q: QueryValues;
  a: string;
}

const decodeToken = (token: string, endpoint: string): PageTokenContent => {
  try {
    const content = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageTokenContent;
    if (content.e === endpoint && typeof content.a === 'string' && typeof content.q === 'object') return content;
  } catch {
    // Not ours: answered below.
  }
  throw new Ss12000HttpError(400, Ss12000ErrorCode.InvalidPageToken, 'pageToken was not given out by this endpoint');
};

/**
 * Reads a list request's query. The standard's `pageToken` is opaque and "cannot be combined with
 * other filters, but with `limit`" (400_invalid_filter): the token carries the first page's
 * parameters. Unknown parameters answer 400 rather than being ignored, so that a client's typo
 * cannot widen what it reads.
 */
export function readListQuery(endpoint: string, query: QueryValues, known: readonly string[]): ListQuery {
  const { limit: limitValues, pageToken: tokenValues, ...rest } = query;
  const limit = limitValues && Number(single(limitValues, 'limit'));
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1))
    throw badParameter('limit must be an integer of at least 1');
  if (tokenValues) {
    if (Object.keys(rest).length > 0)
      throw new Ss12000HttpError(
        400,
        Ss12000ErrorCode.InvalidFilter,
        'Filters cannot be combined with pageToken; only limit can',
      );
    const token = decodeToken(single(tokenValues, 'pageToken'), endpoint);
    return { values: token.q, limit, after: token.a };
  }
  const unknown = Object.keys(rest).find((name) => !known.includes(name));
  if (unknown) throw badParameter(`${unknown} is not a query parameter this endpoint supports`);
  return { values: rest, limit };
}

/**
 * One page of `items` (in key order): after the previous page's last key, at most `limit` and at
 * most `maxPageSize` (the standard lets the server return fewer than asked for). Paging by key,
 * not by position, keeps pages whole while a test adds data between them.
 */
export function pageOf<T>(
  endpoint: string,
  items: readonly T[],
  key: (item: T) => string,
  query: ListQuery,
  maxPageSize: number,
): { data: T[]; pageToken: string | null } {
  const rest = query.after === undefined ? items : items.filter((item) => key(item) > query.after!);
  const size = Math.min(query.limit ?? maxPageSize, maxPageSize);
  const data = rest.slice(0, size);
  if (rest.length <= size) return { data, pageToken: null };
  const content: PageTokenContent = { e: endpoint, q: query.values, a: key(data[data.length - 1]) };
  return { data, pageToken: Buffer.from(JSON.stringify(content)).toString('base64url') };
}
