import DataLoader from 'dataloader';
import type { ConsentRelease as ReleaseRow } from '../../../prisma/sip/client/client.ts';
import type { SipContext } from '../context.ts';

/** Whether the data a log entry is about left the graph. */
export const RELEASE_STATES = ['RELEASED', 'WITHHELD', 'UNCONFIRMED', 'NOT_RELEASED'] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

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

const loadersOfRequest = new WeakMap<SipContext, DataLoader<string, ReleaseRow[]>>();

/** The subgraphs' confirmations for a request, loaded for every log entry of a page at once. */
export function confirmationsOf(context: SipContext, requestId: string): Promise<ReleaseRow[]> {
  let loader = loadersOfRequest.get(context);
  if (!loader) {
    loader = new DataLoader(async (requestIds) => {
      const rows = await context.prisma.consentRelease.findMany({ where: { requestId: { in: [...requestIds] } } });
      return requestIds.map((id) => rows.filter((row) => row.requestId === id));
    });
    loadersOfRequest.set(context, loader);
  }
  return loader.load(requestId);
}
