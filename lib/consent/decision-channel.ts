import { randomUUID } from 'node:crypto';
import type { CryptoKey } from 'jose';
import { postToSubgraph } from '../auth/post-to-subgraph.ts';
import {
  CONSENT_DECISION_BATCHES_PATH,
  CONSENT_DECISIONS_PATH,
  type ConsentDecisionBatchRequest,
  type ConsentDecisionBatchResponse,
  type ConsentDecisionRequest,
  type ConsentDecisionResponse,
  type ConsentQuestion,
} from './consent-decision.ts';
import type { ReleaseOutbox } from './consent-releases.ts';

/** Whose questions these are: the reader's own token, and their request. */
export interface Asker {
  token: string;
  requestId: string;
}

type Decisions = ConsentDecisionResponse['decisions'];

/** A subgraph's one way to the SIP core's consent decisions, shared by all its requests. */
export interface DecisionChannel {
  /** This request's decisions; rejects if none come within the timeout, and the caller withholds. */
  ask(asker: Asker, questions: ConsentQuestion[]): Promise<Decisions>;
}

/** Questions per call at most, as the SIP core accepts them. */
const MAX_QUESTIONS = 10_000;

interface Waiting {
  asker: Asker;
  questions: ConsentQuestion[];
  resolve(decisions: Decisions): void;
  reject(error: Error): void;
}

/**
 * Group commit for decisions: a request's questions go at once when no call is under way; those that
 * arrive meanwhile wait for it to end and then go together, in one call signed by the subgraph, each
 * with its reader's token (the SIP core verifies every one). Under load a subgraph makes a few calls
 * for many requests, not one each: every call costs the same HTTP, signature, replay check and log
 * write whatever it holds. Release confirmations ride along with either kind of call.
 */
export function createDecisionChannel(options: {
  sipUrl: () => string;
  subgraph: string;
  identityKey?: CryptoKey;
  timeoutMs: number;
  outbox: ReleaseOutbox;
}): DecisionChannel {
  let waiting: Waiting[] = [];
  let calling = false;

  const call = async (batch: Waiting[]) => {
    const releases = options.outbox.take();
    try {
      if (batch.length === 1) {
        const [{ asker, questions }] = batch;
        const body: ConsentDecisionRequest = { questions, releases };
        const { decisions } = await postToSubgraph<ConsentDecisionResponse>(
          options.sipUrl(),
          CONSENT_DECISIONS_PATH,
          body,
          { subgraph: options.subgraph, identityKey: options.identityKey, ...asker },
          options.timeoutMs,
        );
        return batch[0].resolve(Array.isArray(decisions) ? decisions : []);
      }
      const body: ConsentDecisionBatchRequest = {
        asks: batch.map(({ asker, questions }) => ({ requestId: asker.requestId, token: asker.token, questions })),
        releases,
      };
      const { answers } = await postToSubgraph<ConsentDecisionBatchResponse>(
        options.sipUrl(),
        CONSENT_DECISION_BATCHES_PATH,
        body,
        // The call is the subgraph's own; each ask carries its reader.
        { subgraph: options.subgraph, identityKey: options.identityKey, requestId: randomUUID() },
        options.timeoutMs,
      );
      batch.forEach(({ asker, resolve, reject }, i) => {
        const answer = Array.isArray(answers) ? answers[i] : undefined;
        if (answer?.requestId === asker.requestId && 'decisions' in answer && Array.isArray(answer.decisions))
          resolve(answer.decisions);
        else reject(new Error(`no decisions for request ${asker.requestId}`));
      });
    } catch (error) {
      options.outbox.putBack(releases);
      for (const { reject } of batch) reject(error as Error);
    }
  };

  const next = async () => {
    calling = true;
    while (waiting.length > 0) {
      // As many as fit in one call, and at least one (the SIP core refuses one too large, and it is withheld).
      let size = 0;
      let questions = 0;
      while (size < waiting.length && (size === 0 || questions + waiting[size].questions.length <= MAX_QUESTIONS))
        questions += waiting[size++].questions.length;
      await call(waiting.splice(0, size));
    }
    calling = false;
  };

  return {
    ask: (asker, questions) =>
      new Promise<Decisions>((resolve, reject) => {
        // Later than the timeout, the data is withheld; one not yet sent is not asked about at all.
        const timer = setTimeout(() => {
          waiting = waiting.filter((w) => w !== entry);
          reject(new Error(`no consent decision within ${options.timeoutMs} ms`));
        }, options.timeoutMs).unref();
        const settle =
          <T>(to: (value: T) => void) =>
          (value: T) => {
            clearTimeout(timer);
            to(value);
          };
        const entry: Waiting = {
          asker: { token: asker.token, requestId: asker.requestId },
          questions,
          resolve: settle(resolve),
          reject: settle(reject),
        };
        waiting.push(entry);
        if (!calling) void next();
      }),
  };
}
