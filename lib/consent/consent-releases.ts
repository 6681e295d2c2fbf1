import type { ConsentRelease, ConsentReleaseRequest } from './consent-decision.ts';
import { pairKey } from './consent-decision.loader.ts';

/** What a subgraph did with each (child, scope) it asked the SIP core about in one request. */
export interface ReleaseRecorder {
  /** Served (released) or withheld; a pair served by any of its fields counts as released. */
  record(childId: string, scope: string, released: boolean): void;
  /** The response is ready: the outcomes go to the outbox. */
  done(): void;
}

/**
 * Confirmations on their way to the SIP core. They ride along with this subgraph's next request
 * for decisions, whoever it is for (the call is signed over its whole body), or go on their own
 * after `delayMs`; either way no request waits for them. Until one arrives, the log shows the grant
 * as unconfirmed: it may have been seen, which overstates and never understates what left.
 */
export interface ReleaseOutbox {
  add(releases: readonly ConsentRelease[]): void;
  /** Everything waiting, for a decisions call; `putBack` if that call fails. */
  take(): ConsentRelease[];
  putBack(releases: readonly ConsentRelease[]): void;
  /** Sends what waits now, and resolves once that is done (or failed): before a subgraph stops. */
  flush(): Promise<void>;
}

/** At most this many confirmations wait (a SIP core that is down); past it the oldest stay unconfirmed. */
const MAX_WAITING = 50_000;
/** After a failed send, the next try waits this long: a SIP core that is down is not asked every moment. */
const RETRY_MS = 1_000;

export function createReleaseOutbox(
  send: (body: ConsentReleaseRequest) => Promise<unknown>,
  delayMs = 20,
): ReleaseOutbox {
  let waiting: ConsentRelease[] = [];
  let timer: NodeJS.Timeout | null = null;
  let sending = Promise.resolve();
  const keep = (releases: readonly ConsentRelease[], sendInMs: number) => {
    waiting.push(...releases);
    if (waiting.length > MAX_WAITING) waiting = waiting.slice(-MAX_WAITING);
    timer ??= setTimeout(flush, sendInMs).unref();
  };
  const outbox: ReleaseOutbox = {
    add: (releases) => keep(releases, delayMs),
    take() {
      const taken = waiting;
      waiting = [];
      return taken;
    },
    putBack: (releases) => keep(releases, RETRY_MS),
    flush: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      // After any send already under way, so that a flush means nothing is left in flight.
      sending = sending.then(async () => {
        const releases = outbox.take();
        if (releases.length > 0) await send({ releases }).catch(() => outbox.putBack(releases));
      });
      return sending;
    },
  };
  const flush = () => void outbox.flush();
  return outbox;
}

/**
 * The log records a decision before the data leaves; this tells it afterwards whether the data
 * did leave, so that a grant the subgraph could not use (it gave up waiting, or its resolver
 * failed) is not counted as seen.
 */
export function createReleaseRecorder(requestId: string, outbox: ReleaseOutbox): ReleaseRecorder {
  const outcomes = new Map<string, ConsentRelease>();
  return {
    record(childId, scope, released) {
      const known = outcomes.get(pairKey(childId, scope));
      outcomes.set(pairKey(childId, scope), {
        requestId,
        childId,
        scope,
        released: released || (known?.released ?? false),
      });
    },
    done() {
      if (outcomes.size > 0) outbox.add([...outcomes.values()]);
      outcomes.clear();
    },
  };
}
