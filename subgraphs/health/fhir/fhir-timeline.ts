import type { Resource } from '@medplum/fhirtypes';
import { timelineLoader } from '../../../lib/pagination/timeline.ts';
import type { PageRequest } from '../../../lib/pagination/page-args.ts';
import { rowsForPage } from '../../../lib/pagination/connection.ts';
import { toLocalDate } from '../../../lib/periods.ts';
import type { ChildIdentities } from '../../../lib/subgraph/child-identities.ts';
import { searchChildRecords, type ChildRecordSearch } from './child-records.ts';
import type { FhirClient } from './fhir-client.ts';

export interface TimelineRow {
  id: string;
  childId: string;
  /** The date the timeline is ordered and paged by. */
  at: Date;
  /** For a period (a treatment): its end, null while it lasts. */
  until?: Date | null;
}

/** Inside the page request's window and after its cursor, in the graph's newest-first order. */
export function onPage(row: TimelineRow, request: PageRequest, period: boolean): boolean {
  if (request.to && row.at > request.to) return false;
  if (request.from && (period ? row.until != null && row.until < request.from : row.at < request.from)) return false;
  const after = request.after;
  if (after && !(row.at < after.at || (row.at.getTime() === after.at.getTime() && row.id < after.id))) return false;
  return true;
}

export const newestFirst = (a: TimelineRow, b: TimelineRow) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** One kind of FHIR record on a timeline, and how a resource becomes its row. */
export interface TimelineSource<Row extends TimelineRow> {
  search: ChildRecordSearch<Resource> & { dateParam?: string };
  toRow(resource: Resource): Omit<Row, 'childId'>;
}

/** Types a timeline source by its resource (`search` and `toRow` agree on it). */
export const timelineSource = <T extends Resource, Row extends Omit<TimelineRow, 'childId'>>(
  search: ChildRecordSearch<T> & { dateParam?: string },
  toRow: (resource: T) => Row,
) => ({ search, toRow }) as unknown as TimelineSource<Row & { childId: string }>;

/** The search parameters that narrow a record with a single date to the page request's window. */
function dateParams(dateParam: string | undefined, request: PageRequest): Record<string, string[]> {
  if (!dateParam) return {};
  const dates: string[] = [];
  const upTo = [request.to, request.after?.at].filter((date): date is Date => date != null);
  if (upTo.length > 0) dates.push(`le${toLocalDate(new Date(Math.min(...upTo.map(Number))))}`);
  if (request.from) dates.push(`ge${toLocalDate(request.from)}`);
  return dates.length > 0 ? { [dateParam]: dates } : {};
}

/**
 * One page per child of FHIR records (of one or more kinds, e.g. medications and therapies), for
 * every child asked about in the same tick: one search per kind for all of
 * them, narrowed on the server where a record has a single date, then cut into each child's page
 * here, as the SQL timelines cut theirs. A record that is a period (no `dateParam`) is kept while it
 * overlaps the window.
 */
export function fhirTimeline<Row extends TimelineRow>(
  services: { source: FhirClient; childIdentities: ChildIdentities },
  ...sources: Array<TimelineSource<Row>>
) {
  return timelineLoader<Row>(
    async (childIds, request) => {
      const found = await Promise.all(
        sources.map(async ({ search, toRow }) => {
          const params = { ...search.params, ...dateParams(search.dateParam, request) };
          const records = await searchChildRecords(services, childIds, { ...search, params });
          return records
            .map(({ childId, resource }) => ({ ...toRow(resource), childId }) as Row)
            .filter((row) => onPage(row, request, !search.dateParam));
        }),
      );
      const perChild = new Map<string, Row[]>();
      for (const row of found.flat()) perChild.set(row.childId, [...(perChild.get(row.childId) ?? []), row]);
      // Each child's page and one more row (to tell whether a next page follows), newest first.
      return [...perChild.values()].flatMap((rows) => rows.sort(newestFirst).slice(0, rowsForPage(request)));
    },
    (row) => row.at,
  );
}
