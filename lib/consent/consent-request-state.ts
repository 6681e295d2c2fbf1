import type DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { ConsentDecision } from './consent-decision.ts';
import type { ConsentDecisionKey } from './consent-decision.loader.ts';
import type { ReleaseRecorder } from './consent-releases.ts';

/** What the consent guard keeps per request, under `context.consent`; the requester is `context.requester`. */
export interface ConsentRequestState {
  decisions: DataLoader<ConsentDecisionKey, ConsentDecision, string>;
  /** Errors for fields withheld in this request; the withheld-fields plugin adds them to the response. */
  withheld: GraphQLError[];
  /** What was served of each pair asked about, for the SIP core's log once the response is ready. */
  releases: ReleaseRecorder;
}
