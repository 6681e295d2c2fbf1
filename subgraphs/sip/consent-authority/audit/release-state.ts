import DataLoader from 'dataloader';
import type { AuthorityContext } from '../context.ts';
import type { ReleaseRecord } from './store-audit.ts';

/** Whether the data a log entry is about left the graph. */
export const RELEASE_STATES = ['RELEASED', 'WITHHELD', 'UNCONFIRMED', 'NOT_RELEASED'] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

/** One child's confirmation, as a log entry is judged by it. */
type ReleaseRow = Pick<ReleaseRecord, 'subgraph' | 'childId' | 'scope' | 'released'>;

interface LoggedRead {
  requestId: string;
  subgraph: string;
  childId: string;
  scope: string | null;
  kind: string;
  granted: boolean;
}

/**
 * A refusal released nothing. A granted cross-agency read is RELEASED once the asking subgraph
 * confirmed it served the data, WITHHELD when it said it did not (it gave up waiting, or its
 * resolver failed), and UNCONFIRMED until either: the log never claims less than what may have
 * been seen. The SIP core's own records are served by the SIP core itself right after logging.
 */
export function releaseStateOf(read: LoggedRead, confirmations: readonly ReleaseRow[]): ReleaseState {
  if (!read.granted) return 'NOT_RELEASED';
  if (read.kind !== 'CROSS_AGENCY') return 'RELEASED';
  const mine = confirmations.filter(
    (c) => c.subgraph === read.subgraph && c.childId === read.childId && c.scope === read.scope,
  );
  if (mine.some((c) => c.released)) return 'RELEASED';
  return mine.length > 0 ? 'WITHHELD' : 'UNCONFIRMED';
}

const loadersOfRequest = new WeakMap<AuthorityContext, DataLoader<string, ReleaseRow[]>>();

/** The subgraphs' confirmations for a request, loaded for every log entry of a page at once. */
export function confirmationsOf(context: AuthorityContext, requestId: string): Promise<ReleaseRow[]> {
  let loader = loadersOfRequest.get(context);
  if (!loader) {
    loader = new DataLoader(async (requestIds) => {
      // Grouped confirmations, one per child, and the ones kept one per child from before groups existed.
      const rows = await context.prisma.$queryRaw<Array<ReleaseRow & { requestId: string }>>`
        SELECT g."requestId", g."subgraph", c."childId"::text AS "childId", g."scope", g."released"
        FROM "ReleaseGroup" g CROSS JOIN LATERAL unnest(g."childIds") AS c("childId")
        WHERE g."requestId" = ANY(${[...requestIds]})
        UNION ALL
        SELECT r."requestId", r."subgraph", r."childId"::text, r."scope", r."released"
        FROM "ConsentRelease" r WHERE r."requestId" = ANY(${[...requestIds]})`;
      return requestIds.map((id) => rows.filter((row) => row.requestId === id));
    });
    loadersOfRequest.set(context, loader);
  }
  return loader.load(requestId);
}
