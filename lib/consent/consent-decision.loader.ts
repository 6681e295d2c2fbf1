import DataLoader from 'dataloader';
import { DENIAL_REASONS, type ConsentDecision, type ConsentQuestion } from './consent-decision.ts';
import type { ConsentScope } from '../../policy/scopes.ts';
import type { Asker, DecisionChannel } from './decision-channel.ts';

export interface ConsentDecisionKey {
  childId: string;
  scope: ConsentScope;
  field: string;
}

export const pairKey = (childId: string, scope: string) => `${childId}\u0000${scope}`;

function isDecision(value: unknown): value is ConsentDecision & { childId: string; scope: string } {
  const decision = value as Record<string, unknown>;
  if (
    typeof decision !== 'object' ||
    decision === null ||
    typeof decision.childId !== 'string' ||
    typeof decision.scope !== 'string'
  )
    return false;
  // A grant names the consent, or the emergency access, it was made under, and any records to leave out.
  if (decision.granted === true)
    return (
      (typeof decision.consentId === 'string' || typeof decision.emergencyAccessId === 'string') &&
      (decision.blockedRecordIds === undefined ||
        (Array.isArray(decision.blockedRecordIds) &&
          decision.blockedRecordIds.every((id) => typeof id === 'string'))) &&
      (decision.recordsLeftOut === undefined || Number.isInteger(decision.recordsLeftOut))
    );
  return decision.granted === false && DENIAL_REASONS.includes(decision.reason as never);
}

/**
 * Collects every guarded field a request resolves in one tick and asks the SIP core once, for all
 * (child, scope) pairs, through the subgraph's channel. Any failure rejects every pending decision:
 * the caller withholds the fields.
 */
export function createConsentDecisionLoader(
  channel: DecisionChannel,
  asker: Asker,
): DataLoader<ConsentDecisionKey, ConsentDecision, string> {
  return new DataLoader(
    async (keys) => {
      const questions = new Map<string, ConsentQuestion>();
      for (const { childId, scope, field } of keys) {
        const question = questions.get(pairKey(childId, scope)) ?? { childId, scope, fields: [] };
        if (!question.fields.includes(field)) question.fields.push(field);
        questions.set(pairKey(childId, scope), question);
      }
      const decisions = await channel.ask(asker, [...questions.values()]);
      const byPair = new Map<string, ConsentDecision>();
      for (const decision of decisions) {
        if (isDecision(decision)) byPair.set(pairKey(decision.childId, decision.scope), decision);
      }
      return keys.map(
        (key) =>
          byPair.get(pairKey(key.childId, key.scope)) ??
          new Error(`no decision for ${key.scope} of child ${key.childId}`),
      );
    },
    { cacheKeyFn: (key) => `${pairKey(key.childId, key.scope)}\u0000${key.field}` },
  );
}
