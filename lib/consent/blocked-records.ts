import { LEFT_OUT } from '../pagination/connection.ts';

type Identified = { id?: unknown } | null | undefined;

const isBlocked = (blocked: ReadonlySet<string>, item: unknown) =>
  typeof (item as Identified)?.id === 'string' && blocked.has((item as { id: string }).id);

/**
 * The context a guarded field resolves with when the family blocked single records from the
 * reader: a page reads `recordsLeftOut` and fills its place with the next records.
 */
export const withRecordsLeftOut = <Context extends object>(context: Context, blocked: ReadonlySet<string>): Context =>
  Object.assign(Object.create(context) as Context, { recordsLeftOut: blocked });

/**
 * A granted value without the records the family blocked: a list or a page keeps the rest and
 * counts what it left out (a page counts what it skipped itself), a single blocked record is
 * withheld whole (null). This also holds for a resolver that ignored `recordsLeftOut`.
 */
export function leaveOutBlocked(value: unknown, blocked: ReadonlySet<string>): { value: unknown; leftOut: number } {
  if (Array.isArray(value)) {
    const kept = value.filter((item) => !isBlocked(blocked, item));
    return { value: kept, leftOut: value.length - kept.length };
  }
  if (value === null || typeof value !== 'object') return { value, leftOut: 0 };
  const page = value as { nodes?: unknown; [LEFT_OUT]?: number };
  if (Array.isArray(page.nodes)) {
    const nodes = page.nodes.filter((item) => !isBlocked(blocked, item));
    const leftOut = (page[LEFT_OUT] ?? 0) + page.nodes.length - nodes.length;
    return { value: { ...page, nodes }, leftOut };
  }
  return isBlocked(blocked, value) ? { value: null, leftOut: 0 } : { value, leftOut: 0 };
}
