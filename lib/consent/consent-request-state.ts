import type DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { Requester } from '../auth/requester.ts';
import type { ConsentDecision } from './consent-decision.ts';
import type { ConsentDecisionKey } from './consent-decision.loader.ts';

/** What the consent guard needs from each request's context, under `context.consent`. */
export interface ConsentRequestState {
  requester: Requester;
  decisions: DataLoader<ConsentDecisionKey, ConsentDecision, string>;
  /** Errors for fields withheld in this request; the withheld-fields plugin adds them to the response. */
  withheld: GraphQLError[];
}
