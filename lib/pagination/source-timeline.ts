import type { PageRequest } from './page-args.ts';
import { pageOf, rowsForPage, type Page } from './connection.ts';
import { timelineLoader } from './timeline.ts';

/** A record on a timeline read from an agency's own system (its FHIR server, its SS 12000 API). */
export interface SourceTimelineRow {
  id: string;
  childId: string;
  /** The date the timeline is ordered and paged by. */
  at: Date;
  /** For a period (a treatment): its end, null while it lasts. */
  until?: Date | null;
}

/** Inside the page request's window and after its cursor, in the graph's newest-first order. */
function onPage(row: SourceTimelineRow, request: PageRequest): boolean {
  const period = row.until !== undefined;
  if (request.to && row.at > request.to) return false;
  if (request.from && (period ? row.until != null && row.until < request.from : row.at < request.from)) return false;
  const after = request.after;
  return !after || row.at < after.at || (row.at.getTime() === after.at.getTime() && row.id < after.id);
}

const newestFirst = (a: SourceTimelineRow, b: SourceTimelineRow) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * One page per child of records an agency system answers for many children at once: `fetch` reads
 * them (narrowed as far as the system can), this cuts each child's page from them, as the SQL
 * timelines cut theirs in the database.
 */
export function sourceTimeline<Row extends SourceTimelineRow>(
  fetch: (childIds: string[], request: PageRequest) => Promise<Row[]>,
) {
  return timelineLoader<Row>(
    async (childIds, request) => {
      const perChild = new Map<string, Row[]>();
      for (const row of await fetch(childIds, request)) {
        if (onPage(row, request)) perChild.set(row.childId, [...(perChild.get(row.childId) ?? []), row]);
      }
      // Each child's page and one more row (to tell whether a next page follows), newest first.
      return [...perChild.values()].flatMap((rows) => rows.sort(newestFirst).slice(0, rowsForPage(request)));
    },
    (row) => row.at,
  );
}

/** One page of a list read whole from an agency system (a root query's, not per child), newest first. */
export const pageOfRows = <Row extends SourceTimelineRow>(rows: Row[], request: PageRequest): Page<Row> =>
  pageOf(rows.filter((row) => onPage(row, request)).sort(newestFirst), request, (row) => row.at);
