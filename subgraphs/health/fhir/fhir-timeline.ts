import type { Resource } from '@medplum/fhirtypes';
import type { PageRequest } from '../../../lib/pagination/page-args.ts';
import { sourceTimeline, type SourceTimelineRow } from '../../../lib/pagination/source-timeline.ts';
import { toLocalDate } from '../../../lib/periods.ts';
import type { ChildIdentities } from '../../../lib/subgraph/child-identities.ts';
import { searchChildRecords, type ChildRecordSearch } from './child-records.ts';
import type { FhirClient } from './fhir-client.ts';

/** One kind of FHIR record on a timeline, and how a resource becomes its row. */
export interface TimelineSource<Row extends SourceTimelineRow> {
  search: ChildRecordSearch<Resource> & { dateParam?: string };
  toRow(resource: Resource): Omit<Row, 'childId'>;
}

/** Types a timeline source by its resource (`search` and `toRow` agree on it). */
export const timelineSource = <T extends Resource, Row extends Omit<SourceTimelineRow, 'childId'>>(
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
 * here. A record that is a period (its row has `until`) is kept while it overlaps the window.
 */
export function fhirTimeline<Row extends SourceTimelineRow>(
  services: { source: FhirClient; childIdentities: ChildIdentities },
  ...sources: Array<TimelineSource<Row>>
) {
  return sourceTimeline<Row>(async (childIds, request) => {
    const found = await Promise.all(
      sources.map(async ({ search, toRow }) => {
        const params = { ...search.params, ...dateParams(search.dateParam, request) };
        const records = await searchChildRecords(services, childIds, { ...search, params });
        return records.map(({ childId, resource }) => ({ ...toRow(resource), childId }) as Row);
      }),
    );
    return found.flat();
  });
}
