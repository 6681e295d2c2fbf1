type Identified = { id?: unknown } | null | undefined;

const isBlocked = (blocked: ReadonlySet<string>, item: unknown) =>
  typeof (item as Identified)?.id === 'string' && blocked.has((item as { id: string }).id);

/**
 * The context a guarded field resolves with when the family blocked single records from the
 * reader: a page reads `recordsLeftOut` and fills its place with the next records.
 */
export const withRecordsLeftOut = <Context extends object>(context: Context, blocked: ReadonlySet<string>): Context =>
  Object.assign(Object.create(context) as Context, { recordsLeftOut: blocked });

/** A list, or a page of one, as opposed to a single record. */
export const isList = (value: unknown): boolean =>
  Array.isArray(value) || Array.isArray((value as { nodes?: unknown } | null)?.nodes);

/**
 * A granted value without the records the family blocked: a list or a page keeps the rest, a
 * single blocked record is withheld whole (null). This also holds for a resolver that ignored
 * `recordsLeftOut`. How many were left out is not counted here: the reader is told the number of
 * blocked records of the category, whatever this read's window met.
 */
export function leaveOutBlocked(value: unknown, blocked: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isBlocked(blocked, item));
  if (value === null || typeof value !== 'object') return value;
  const page = value as { nodes?: unknown };
  if (Array.isArray(page.nodes)) return { ...page, nodes: page.nodes.filter((item) => !isBlocked(blocked, item)) };
  return isBlocked(blocked, value) ? null : value;
}
