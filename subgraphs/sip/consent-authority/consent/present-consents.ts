import type { AuthorityContext } from '../context.ts';
import { toConsent, type ConsentRowWithRelations } from './consent.mapper.ts';
import type { Consent } from './consent.type.ts';

/** Consent rows as the graph shows them: with the guardians who gave them and their status now. */
export async function presentConsents(context: AuthorityContext, rows: ConsentRowWithRelations[]): Promise<Consent[]> {
  const guardianIds = [...new Set(rows.flatMap((row) => row.guardianIds))];
  const guardians = await context.loaders.guardianById.loadMany(guardianIds);
  const byId = new Map(
    guardians.flatMap((guardian) =>
      guardian && !(guardian instanceof Error) ? [[guardian.id, guardian] as const] : [],
    ),
  );
  const now = context.clock();
  return rows.map((row) => toConsent(row, byId, now));
}
