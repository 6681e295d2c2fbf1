import type { Meta } from '../../subgraphs/school/ss12000/resources.ts';
import { badParameter } from './errors.ts';

/** A request's query parameters, each with all its values (the standard repeats a key for an array). */
export type QueryValues = Record<string, string[]>;

/** Express's simple query parser gives a string, or an array when a key repeats. */
export function queryValues(query: Record<string, unknown>): QueryValues {
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, (Array.isArray(value) ? value : [value]).map(String)]),
  );
}

/** How a parameter's value is read; a value of the wrong form answers 400. */
export interface ValueKind<V> {
  parse(raw: string, name: string): V;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 requires the offset; a '+' sent unencoded arrives as a space and fails here, as it should.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export const isUuid = (value: string) => UUID.test(value);

export const uuid: ValueKind<string> = {
  parse(raw, name) {
    if (!UUID.test(raw)) throw badParameter(`${name} must be a UUID`);
    return raw.toLowerCase();
  },
};

export const text: ValueKind<string> = {
  parse(raw, name) {
    if (raw === '') throw badParameter(`${name} must not be empty`);
    return raw;
  },
};

/** An RFC 3339 full date, as milliseconds since the epoch (UTC midnight) so that it compares. */
export const date: ValueKind<number> = {
  parse(raw, name) {
    const match = DATE.exec(raw);
    const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
    if (!match || new Date(time).toISOString().slice(0, 10) !== raw)
      throw badParameter(`${name} must be an RFC 3339 date, e.g. 2016-10-15`);
    return time;
  },
};

export const dateTime: ValueKind<number> = {
  parse(raw, name) {
    const time = DATE_TIME.test(raw) ? Date.parse(raw) : NaN;
    if (Number.isNaN(time))
      throw badParameter(`${name} must be an RFC 3339 date-time with offset, e.g. 2015-12-12T10:30:00+01:00`);
    return time;
  },
};

export function oneOf<V extends string>(values: readonly V[]): ValueKind<V> {
  return {
    parse(raw, name) {
      if (!(values as readonly string[]).includes(raw))
        throw badParameter(`${name} must be one of ${values.join(', ')}`);
      return raw as V;
    },
  };
}

/** The parameter's one value; the standard's scalar parameters do not repeat. */
export function single(values: readonly string[], name: string): string {
  if (values.length !== 1) throw badParameter(`${name} takes one value`);
  return values[0];
}

/** Turns a parameter's values into a test of an item; throws 400 for values of the wrong form. */
export type Filter<T> = (values: readonly string[], name: string) => (item: T) => boolean;

/** A scalar parameter that an item's field must equal. */
export function equals<T, V>(kind: ValueKind<V>, field: (item: T) => V | undefined): Filter<T> {
  return (values, name) => {
    const wanted = kind.parse(single(values, name), name);
    return (item) => field(item) === wanted;
  };
}

/** An array parameter (the key repeated): an item's field must equal one of its values. */
export function equalsAnyOf<T, V>(kind: ValueKind<V>, field: (item: T) => V | undefined): Filter<T> {
  return (values, name) => {
    const wanted = new Set(values.map((value) => kind.parse(value, name)));
    return (item) => {
      const value = field(item);
      return value !== undefined && wanted.has(value);
    };
  };
}

/** A scalar parameter that one of an item's values must equal (e.g. a placement's `owners`). */
export function contains<T, V>(kind: ValueKind<V>, field: (item: T) => readonly V[] | undefined): Filter<T> {
  return (values, name) => {
    const wanted = kind.parse(single(values, name), name);
    return (item) => field(item)?.includes(wanted) ?? false;
  };
}

/** An array parameter that an item's values must share one value with (e.g. `schoolTypes`). */
export function containsAnyOf<T, V>(kind: ValueKind<V>, field: (item: T) => readonly V[] | undefined): Filter<T> {
  return (values, name) => {
    const wanted = new Set(values.map((value) => kind.parse(value, name)));
    return (item) => field(item)?.some((value) => wanted.has(value)) ?? false;
  };
}

/**
 * `<field>.onOrBefore` and `<field>.onOrAfter`, both inclusive. For end dates the standard keeps
 * items with no end ("Poster med ett endDate som ej är satt, tas alltid med"): `unsetMatches`.
 */
export function bounds<T>(
  field: string,
  kind: ValueKind<number>,
  value: (item: T) => string | undefined,
  { unsetMatches }: { unsetMatches: boolean },
): Record<string, Filter<T>> {
  const bound =
    (holds: (itemTime: number, limit: number) => boolean): Filter<T> =>
    (values, name) => {
      const limit = kind.parse(single(values, name), name);
      return (item) => {
        const raw = value(item);
        return raw === undefined ? unsetMatches : holds(kind.parse(raw, field), limit);
      };
    };
  return {
    [`${field}.onOrBefore`]: bound((itemTime, limit) => itemTime <= limit),
    [`${field}.onOrAfter`]: bound((itemTime, limit) => itemTime >= limit),
  };
}

/** `startDate.*` and `endDate.*` of a resource with a validity period. */
export function periodFilters<T extends { startDate?: string; endDate?: string }>(): Record<string, Filter<T>> {
  return {
    ...bounds<T>('startDate', date, (item) => item.startDate, { unsetMatches: true }),
    ...bounds<T>('endDate', date, (item) => item.endDate, { unsetMatches: true }),
  };
}

/**
 * `meta.created.*` and `meta.modified.*`, on every list endpoint: `before` is inclusive, `after`
 * exclusive, as the standard's search parameters say.
 */
export function metaFilters<T extends { meta?: Meta }>(): Record<string, Filter<T>> {
  const filter =
    (stamp: keyof Meta, holds: (itemTime: number, limit: number) => boolean): Filter<T> =>
    (values, name) => {
      const limit = dateTime.parse(single(values, name), name);
      return (item) => {
        const raw = item.meta?.[stamp];
        return raw !== undefined && holds(Date.parse(raw), limit);
      };
    };
  return {
    'meta.created.before': filter('created', (itemTime, limit) => itemTime <= limit),
    'meta.created.after': filter('created', (itemTime, limit) => itemTime > limit),
    'meta.modified.before': filter('modified', (itemTime, limit) => itemTime <= limit),
    'meta.modified.after': filter('modified', (itemTime, limit) => itemTime > limit),
  };
}
