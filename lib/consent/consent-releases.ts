import { CONSENT_RELEASES_PATH, type ConsentRelease, type ConsentReleaseRequest } from './consent-decision.ts';
import { postToSubgraph } from '../subgraph/post-to-subgraph.ts';
import { pairKey, type ConsentDecisionLoaderOptions } from './consent-decision.loader.ts';

/** What a subgraph did with each (child, scope) it asked the SIP core about in one request. */
export interface ReleaseRecorder {
  /** Served (released) or withheld; a pair served by any of its fields counts as released. */
  record(childId: string, scope: string, released: boolean): void;
  /** Tells the SIP core, once the response is ready. A failure leaves the log saying "unconfirmed". */
  send(): Promise<void>;
}

/**
 * The log records a decision before the data leaves; this tells it afterwards whether the data
 * did leave, so that a grant the subgraph could not use (it gave up waiting, or its resolver
 * failed) is not counted as seen.
 */
export function createReleaseRecorder(options: ConsentDecisionLoaderOptions): ReleaseRecorder {
  const outcomes = new Map<string, ConsentRelease>();
  return {
    record(childId, scope, released) {
      const known = outcomes.get(pairKey(childId, scope));
      outcomes.set(pairKey(childId, scope), { childId, scope, released: released || (known?.released ?? false) });
    },
    async send() {
      if (outcomes.size === 0) return;
      const body: ConsentReleaseRequest = { releases: [...outcomes.values()] };
      await postToSubgraph(options.sipUrl, CONSENT_RELEASES_PATH, body, options, options.timeoutMs);
    },
  };
}
