import type { Router } from 'express';
import { Ss12000ErrorCode, Ss12000HttpError, badParameter } from './errors.ts';
import { readLookupBody } from './lookup-body.ts';
import { pageOf, readListQuery } from './paging.ts';
import { isUuid, queryValues, uuid, type Filter, type QueryValues, type ValueKind } from './query-filters.ts';
import type { ResourceTable } from './store.ts';

/** How much one answer holds. */
export interface AnswerLimits {
  /** Most items on one page, whatever `limit` asks for. */
  maxPageSize: number;
  /** Most values (ids, civic numbers …) one lookup may name before it answers 503. */
  maxLookupSize: number;
}

/** One resource type's endpoints, as the standard gives most of them: list, lookup and by id. */
export interface ResourceEndpoints<T extends { id: string }> {
  /** The path segment, e.g. `persons`. */
  path: string;
  table: ResourceTable<T>;
  /** The list endpoint's filters, by query parameter name. */
  filters: Record<string, Filter<T>>;
  /** The `expand` values the resource takes, each adding its part of `_embedded`. */
  expansions?: Record<string, (item: T) => unknown>;
  /** Lookup body properties besides `ids`, each finding the items one value names. */
  lookupBy?: Record<string, { kind: ValueKind<string>; find: (value: string) => T[] }>;
}

function readExpand(values: readonly string[] | undefined, expansions: Record<string, unknown>): string[] {
  for (const value of values ?? [])
    if (!(value in expansions)) throw badParameter(`expand takes ${Object.keys(expansions).join(', ') || 'no value'}`);
  return [...new Set(values ?? [])];
}

function expandWith<T>(spec: { expansions?: Record<string, (item: T) => unknown> }, expand: string[]) {
  return (item: T) =>
    expand.length === 0
      ? item
      : { ...item, _embedded: Object.fromEntries(expand.map((name) => [name, spec.expansions![name](item)])) };
}

/** `GET /<path>`, `POST /<path>/lookup` and `GET /<path>/{id}` on `router`. */
export function serveResource<T extends { id: string }>(
  router: Router,
  spec: ResourceEndpoints<T>,
  limits: AnswerLimits,
): void {
  const expansions = spec.expansions ?? {};
  const known = [...Object.keys(spec.filters), ...(spec.expansions ? ['expand'] : [])];

  router.get(`/${spec.path}`, (req, res) => {
    const query = readListQuery(spec.path, queryValues(req.query), known);
    const { expand, ...filterValues } = query.values;
    const tests = Object.entries(filterValues).map(([name, values]) => spec.filters[name](values, name));
    const matching = spec.table.all().filter((item) => tests.every((test) => test(item)));
    const page = pageOf(spec.path, matching, (item) => item.id, query, limits.maxPageSize);
    res.json({ data: page.data.map(expandWith(spec, readExpand(expand, expansions))), pageToken: page.pageToken });
  });

  const lookupProperties: Record<string, ValueKind<string>> = {
    ids: uuid,
    ...Object.fromEntries(Object.entries(spec.lookupBy ?? {}).map(([name, { kind }]) => [name, kind])),
  };
  router.post(`/${spec.path}/lookup`, (req, res) => {
    const values: QueryValues = queryValues(req.query);
    const unknown = Object.keys(values).find((name) => name !== 'expand' || !spec.expansions);
    if (unknown) throw badParameter(`${unknown} is not a query parameter of this lookup`);
    const expand = readExpand(values.expand, expansions);
    const lists = readLookupBody(req.body, lookupProperties, limits.maxLookupSize);
    const found = new Map<string, T>();
    for (const id of lists.ids ?? []) {
      const item = spec.table.get(id);
      if (item) found.set(item.id, item);
    }
    for (const [name, { find }] of Object.entries(spec.lookupBy ?? {}))
      for (const value of lists[name] ?? []) for (const item of find(value)) found.set(item.id, item);
    // The standard's lookups answer a plain array (e.g. PersonsExpandedArray), with no paging.
    const answer = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(expandWith(spec, expand));
    res.json(answer);
  });

  router.get(`/${spec.path}/:id`, (req, res) => {
    const values = queryValues(req.query);
    const unknown = Object.keys(values).find((name) => name !== 'expand' || !spec.expansions);
    if (unknown) throw badParameter(`${unknown} is not a query parameter of this endpoint`);
    const id = String(req.params.id);
    if (!isUuid(id)) throw new Ss12000HttpError(400, Ss12000ErrorCode.InvalidId, 'The id must be a UUID');
    const item = spec.table.get(id.toLowerCase());
    if (!item) throw new Ss12000HttpError(404, Ss12000ErrorCode.NotFound, `No ${spec.path} entity has this id`);
    res.json(expandWith(spec, readExpand(values.expand, expansions))(item));
  });
}
