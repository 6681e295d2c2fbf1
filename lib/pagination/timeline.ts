import DataLoader from 'dataloader';
import { toLocalDate } from '../periods.ts';
import { pageOf, rowsForPage, type Page } from './connection.ts';
import type { PageRequest } from './page-args.ts';

/** The columns of a timeline: the date it is ordered and paged by, and for periods the end date. */
export interface TimelineColumns {
  at: string;
  until?: string;
}

/** What picking each child's page needs of a Prisma client: one raw query. */
export interface RawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * The ids of each child's page (`take` rows, newest first) of a timeline table, in one statement:
 * the same filters as `timelineWhere`, ranked per child by a window function, so a child's long
 * history is never read to show one page.
 */
function pageIdsPerChild(table: string, { at, until }: TimelineColumns, request: PageRequest, childIds: string[]) {
  const values: unknown[] = [childIds];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = [`"childId" = ANY($1::uuid[])`];
  if (request.to) where.push(`"${at}" <= ${param(toLocalDate(request.to))}::date`);
  if (request.from) {
    const from = `${param(toLocalDate(request.from))}::date`;
    where.push(until ? `("${until}" IS NULL OR "${until}" >= ${from})` : `"${at}" >= ${from}`);
  }
  if (request.after) {
    const afterAt = `${param(toLocalDate(request.after.at))}::date`;
    where.push(`("${at}" < ${afterAt} OR ("${at}" = ${afterAt} AND "id" < ${param(request.after.id)}::uuid))`);
  }
  const sql = `SELECT "id"::text AS id FROM (
      SELECT "id", row_number() OVER (PARTITION BY "childId" ORDER BY "${at}" DESC, "id" DESC) AS "rank"
      FROM "${table}" WHERE ${where.join(' AND ')}
    ) AS ranked WHERE "rank" <= ${param(rowsForPage(request))}`;
  return { sql, values };
}

/**
 * A Prisma `where` for one page of a timeline: entries inside [from, to] (a period overlaps it),
 * after the cursor in newest-first order. Generic over the model, so callers cast it to theirs.
 */
function timelineWhere({ at, until }: TimelineColumns, request: PageRequest): { AND: object[] } {
  const conditions: object[] = [];
  if (request.to) conditions.push({ [at]: { lte: request.to } });
  if (request.from)
    conditions.push(
      until ? { OR: [{ [until]: null }, { [until]: { gte: request.from } }] } : { [at]: { gte: request.from } },
    );
  if (request.after)
    conditions.push({
      OR: [{ [at]: { lt: request.after.at } }, { [at]: request.after.at, id: { lt: request.after.id } }],
    });
  return { AND: conditions };
}

/** The arguments a timeline query passes to a model's `findMany`; callers cast them to the model's own. */
export interface TimelineFindManyArgs {
  where: object;
  orderBy: object[];
  take?: number;
}

/** Newest first, ties broken by id: the order cursors point into. */
const newestFirst = (at: string) => [{ [at]: 'desc' as const }, { id: 'desc' as const }];

const requestKey = ({ first, after, from, to, leaveOut }: PageRequest) =>
  [first, after?.at.toISOString(), after?.id, from?.toISOString(), to?.toISOString(), ...[...leaveOut].sort()].join(
    '|',
  );

/**
 * One page per child of a timeline, for every child asked about in the same tick with the same
 * page request. `fetch` returns the rows of each child's page, newest first.
 */
export function timelineLoader<Row extends { id: string; childId: string }>(
  fetch: (childIds: string[], request: PageRequest) => Promise<Row[]>,
  sortKey: (row: Row) => Date,
): DataLoader<{ childId: string; request: PageRequest }, Page<Row>, string> {
  const keyOf = ({ childId, request }: { childId: string; request: PageRequest }) =>
    `${requestKey(request)}#${childId}`;
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { request: PageRequest; childIds: Set<string> }>();
      for (const { childId, request } of keys) {
        const group = groups.get(requestKey(request)) ?? { request, childIds: new Set<string>() };
        group.childIds.add(childId);
        groups.set(requestKey(request), group);
      }
      const rowsByKey = new Map<string, Row[]>();
      await Promise.all(
        [...groups.values()].map(async ({ request, childIds }) => {
          const rows = await fetch([...childIds], request);
          for (const row of rows) {
            const key = keyOf({ childId: row.childId, request });
            const list = rowsByKey.get(key);
            if (list) list.push(row);
            else rowsByKey.set(key, [row]);
          }
        }),
      );
      return keys.map((key) => pageOf(rowsByKey.get(keyOf(key)) ?? [], key.request, sortKey));
    },
    { cacheKeyFn: keyOf },
  );
}

/**
 * A per-child timeline loader over one model: `findMany` is the model's, `columns` name its table
 * and dates. One child's page is one query; many children's pages are two (each child's page ids,
 * then those rows), whatever the number of children.
 */
export function timelineOf<Row extends { id: string; childId: string }>(
  database: RawQueries,
  findMany: (args: TimelineFindManyArgs) => Promise<Row[]>,
  columns: TimelineColumns & { table: string; at: NoInfer<keyof Row & string> },
) {
  return timelineLoader(
    async (childIds, request) => {
      const orderBy = newestFirst(columns.at);
      if (childIds.length === 1) {
        const where = { childId: childIds[0], ...timelineWhere(columns, request) };
        return findMany({ where, orderBy, take: rowsForPage(request) });
      }
      const { sql, values } = pageIdsPerChild(columns.table, columns, request, childIds);
      const ids = await database.$queryRawUnsafe<Array<{ id: string }>>(sql, ...values);
      return findMany({ where: { id: { in: ids.map(({ id }) => id) } }, orderBy });
    },
    (row) => row[columns.at] as Date,
  );
}
