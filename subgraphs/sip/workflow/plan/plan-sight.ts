import DataLoader from 'dataloader';
import { decideConsent, type ConsentDecision } from '../../../../policy/consent-rule.ts';
import {
  agencyOfCategory,
  entrySight,
  planReaderOf,
  planReaderOfParticipant,
  scopeToDecide,
  type EntrySight,
  type PlanEntryFacts,
  type PlanReader,
} from '../../../../policy/plan-content.ts';
import type { Reader } from '../../../../policy/recipients.ts';
import type { ConsentScope } from '../../../../policy/scopes.ts';
import { isCurrent } from '../../../../policy/sip-access.ts';
import { byRequester, storeAudit } from '../../consent-authority/audit/store-audit.ts';
import type { ChildConsentFacts } from '../../consent-authority/consent/consent-facts.ts';
import { cachedConsentFacts } from '../../consent-authority/consent/consent-facts-cache.ts';
import type { SipParticipant as ParticipantRow } from '../../../../prisma/sip/client/client.ts';
import type { SipContext } from '../context.ts';
import { toParticipant } from '../process/sip.mapper.ts';
import { PlanContentLeftOut, PlanEntryWithheld, type PlanSection } from './plan-entry.type.ts';

/** One category of one child's plan that the requester reads, and the field it is read through. */
interface CategoryRead {
  childId: string;
  scope: ConsentScope;
  field: string;
}

const loaders = new WeakMap<object, DataLoader<CategoryRead, ConsentDecision, string>>();

/**
 * THE RULE's decisions for the requester on categories of children's plans, and their log: one
 * record per child and category, naming the fields read, stored before anything is shown. If the
 * log cannot be stored the read fails and nothing of those categories is shown.
 */
async function decideAndLog(context: SipContext, reads: readonly CategoryRead[]): Promise<ConsentDecision[]> {
  const at = context.clock();
  const facts = await cachedConsentFacts(context.prisma, [...new Set(reads.map((read) => read.childId))]);
  const decided = new Map<string, { read: CategoryRead; decision: ConsentDecision; fields: Set<string> }>();
  for (const read of reads) {
    const key = `${read.childId} ${read.scope}`;
    let entry = decided.get(key);
    if (!entry) {
      const decision = decide(facts.get(read.childId), read.scope, context.requester, at);
      decided.set(key, (entry = { read, decision, fields: new Set() }));
    }
    entry.fields.add(read.field);
  }
  await storeAudit(
    context.prisma,
    [...decided.values()].map(({ read, decision, fields }) => ({
      ...byRequester(context.requester, context.requestId),
      childId: read.childId,
      kind: 'CROSS_AGENCY' as const,
      scope: read.scope,
      fields: [...fields].sort(),
      subgraph: 'sip',
      granted: decision.granted,
      reason: decision.granted ? null : decision.reason,
      consentId: decision.consentId,
      emergencyAccessId: decision.granted ? (decision.emergencyAccessId ?? null) : null,
      decidedAt: at,
    })),
  );
  return reads.map((read) => decided.get(`${read.childId} ${read.scope}`)!.decision);
}

const decide = (
  facts: ChildConsentFacts | undefined,
  scope: ConsentScope,
  reader: Reader,
  at: Date,
): ConsentDecision =>
  facts
    ? decideConsent(facts.consents, facts.child, { scope, reader, at })
    : { granted: false, reason: 'NO_CONSENT', consentId: null };

// One loader per request: the context's loaders are made anew for each.
function decisionsFor(context: SipContext) {
  let loader = loaders.get(context.loaders);
  if (!loader) {
    loader = new DataLoader((reads) => decideAndLog(context, reads), {
      cacheKeyFn: (read) => `${read.childId} ${read.scope} ${read.field}`,
    });
    loaders.set(context.loaders, loader);
  }
  return loader;
}

/**
 * The entries of one section of a child's plan (or a meeting's notes) that the requester sees, and
 * what was left out of their copy, by category and reason (policy/plan-content.ts). Each decision
 * is logged as a read of that category.
 */
export async function seenEntries<T extends PlanEntryFacts>(
  context: SipContext,
  childId: string,
  section: PlanSection,
  field: string,
  entries: readonly T[],
): Promise<{ shown: T[]; leftOut: PlanContentLeftOut[] }> {
  const reader = planReaderOf(context.requester);
  const sights = await Promise.all(
    entries.map(async (entry) => {
      const scope = scopeToDecide(reader, entry);
      const decision = scope ? await decisionsFor(context).load({ childId, scope, field }) : undefined;
      return entrySight(reader, entry, decision);
    }),
  );
  const leftOut = new Map<string, PlanContentLeftOut>();
  sights.forEach((sight, i) => {
    if (sight.shown || !sight.toldLeftOut) return;
    const { category } = entries[i];
    const counted = leftOut.get(`${category} ${sight.reason}`);
    if (counted) counted.count += 1;
    else
      leftOut.set(
        `${category} ${sight.reason}`,
        Object.assign(new PlanContentLeftOut(), {
          section,
          category,
          agency: agencyOfCategory(category),
          count: 1,
          reason: sight.reason,
        }),
      );
  });
  return { shown: entries.filter((_, i) => sights[i].shown), leftOut: [...leftOut.values()] };
}

/**
 * Who would see an entry, from facts already read (in a transaction, or for others than the
 * requester): nothing is logged, since nothing is shown. For carrying over what a writer does not
 * see, and for telling staff who will not see what they wrote.
 */
export const sightFrom =
  (facts: ChildConsentFacts | undefined, reader: PlanReader, who: Reader, at: Date) =>
  (entry: PlanEntryFacts): EntrySight => {
    const scope = scopeToDecide(reader, entry);
    return entrySight(reader, entry, scope ? decide(facts, scope, who, at) : undefined);
  };

/**
 * For staff: each participant of the SIP taking part now, other than the requester, who does not
 * see an entry of these sections that the requester sees, and why. Empty for the family, who are
 * not told what others see.
 */
export async function withheldFrom(
  context: SipContext,
  sip: { id: string; childId: string },
  sections: ReadonlyArray<[PlanSection, readonly PlanEntryFacts[]]>,
): Promise<PlanEntryWithheld[]> {
  if (planReaderOf(context.requester).family !== null) return [];
  const at = context.clock();
  const [participants, facts] = await Promise.all([
    context.loaders.participantsBySipId.load(sip.id),
    cachedConsentFacts(context.prisma, [sip.childId]),
  ]);
  const others = participants.filter((p) => isCurrent(p, at) && p.subject !== context.requester.subject);
  return others.flatMap((participant: ParticipantRow) => {
    const who = { subject: participant.subject ?? '', agency: participant.agency, unit: participant.unit };
    const sees = sightFrom(facts.get(sip.childId), planReaderOfParticipant(participant), who, at);
    return sections.flatMap(([section, entries]) =>
      entries.flatMap((entry, position) => {
        const sight = sees(entry);
        return sight.shown
          ? []
          : [
              Object.assign(new PlanEntryWithheld(), {
                section,
                position,
                participant: toParticipant(participant),
                reason: sight.reason,
              }),
            ];
      }),
    );
  });
}
