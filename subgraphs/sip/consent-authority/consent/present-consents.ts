import { consentStatusAt, type ConsentStatus } from '../../../../policy/consent-rule.ts';
import { keptFrom } from '../../../../policy/young-persons-sphere.ts';
import type { AuthorityContext } from '../context.ts';
import { keptParts } from '../young-persons-sphere/kept-parts.ts';
import { cachedConsentFacts } from './consent-facts-cache.ts';
import { toConsent, type ConsentRowWithRelations } from './consent.mapper.ts';
import type { Consent } from './consent.type.ts';

/** Leaves out, for a guardian, the consents a young person gave in their own name and keeps from them. */
async function withoutWhatIsKept(context: AuthorityContext, rows: ConsentRowWithRelations[]) {
  if (!rows.some((row) => row.givenByChild)) return rows;
  const childIds = [...new Set(rows.map((row) => row.childId))];
  const kept = new Map(
    await Promise.all(childIds.map(async (id) => [id, await keptParts(context.prisma, id)] as const)),
  );
  return rows.filter(
    (row) => !(row.givenByChild && keptFrom(context.requester, kept.get(row.childId)!, 'OWN_CONSENTS')),
  );
}

/**
 * Consent rows as the graph shows them: with the guardians who gave them, and their status now as
 * the rule sees it (a newer version replaces one only once it counts; see replacementTimes), with
 * the guardians a pending version waits for.
 */
export async function presentConsents(
  context: AuthorityContext,
  candidates: ConsentRowWithRelations[],
): Promise<Consent[]> {
  const rows = await withoutWhatIsKept(context, candidates);
  const now = context.clock();
  const facts = await cachedConsentFacts(context.prisma, [...new Set(rows.map((row) => row.childId))]);
  const shown = rows.map((row) => {
    const child = facts.get(row.childId);
    const consent = child?.consents.find((candidate) => candidate.id === row.id);
    // The facts are read after the row was stored and hold it; were one missing, it shows its own dates.
    const status: ConsentStatus = consentStatusAt(
      consent ?? {
        ...row,
        withdrawnAt: row.withdrawal?.withdrawnAt ?? null,
        replacedAt: row.replacedBy?.recordedAt ?? null,
      },
      now,
      child?.child,
    );
    const awaitingGuardianIds =
      status === 'PENDING' ? (child?.child.custodianIds ?? []).filter((id) => !row.guardianIds.includes(id)) : [];
    return { row, shown: { status, awaitingGuardianIds } };
  });
  const guardianIds = [
    ...new Set(shown.flatMap(({ row, shown }) => [...row.guardianIds, ...shown.awaitingGuardianIds])),
  ];
  const guardians = await context.loaders.guardianById.loadMany(guardianIds);
  const byId = new Map(
    guardians.flatMap((guardian) =>
      guardian && !(guardian instanceof Error) ? [[guardian.id, guardian] as const] : [],
    ),
  );
  return shown.map(({ row, shown }) => toConsent(row, byId, shown));
}
