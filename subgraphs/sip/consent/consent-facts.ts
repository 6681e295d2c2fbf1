import type { PrismaClient } from '../../../prisma/sip/client/client.ts';
import type { Agency } from '../../../policy/agencies.ts';
import type { ChildFacts, ConsentFacts } from '../../../policy/consent-rule.ts';

export interface ChildConsentFacts {
  child: ChildFacts;
  consents: ConsentFacts[];
}

/** Everything the rule needs for these children, in a fixed number of queries whatever their number. */
export async function loadConsentFacts(
  prisma: PrismaClient,
  childIds: readonly string[],
): Promise<Map<string, ChildConsentFacts>> {
  const ids = [...new Set(childIds)];
  // Two plain statements: this runs on every cross-agency read, and Prisma's nested includes cost
  // several statements and most of the lookup's time (npm run bench).
  const [children, consents] = await Promise.all([
    prisma.$queryRaw<Array<{ id: string; dateOfBirth: Date; custodianIds: string[] }>>`
      SELECT c."id", c."dateOfBirth", coalesce(array_agg(g."guardianId"::text) FILTER (WHERE g."hasCustody"), '{}') AS
      "custodianIds"
      FROM "Child" c LEFT JOIN "Guardianship" g ON g."childId" = c."id"
      WHERE c."id" = ANY(${ids}::uuid[]) GROUP BY c."id"`,
    prisma.$queryRaw<Array<Omit<ConsentFacts, 'agencies'> & { childId: string; agencies: string[] }>>`
      SELECT c."id", c."childId", c."guardianIds"::text[] AS "guardianIds", c."givenByChild", c."scopes",
      c."agencies"::text[] AS "agencies",
             c."validFrom", c."validUntil", c."recordedAt", w."withdrawnAt", r."recordedAt" AS "replacedAt"
      FROM "Consent" c
      LEFT JOIN "ConsentWithdrawal" w ON w."consentId" = c."id"
      LEFT JOIN "Consent" r ON r."replacesId" = c."id"
      WHERE c."childId" = ANY(${ids}::uuid[])`,
  ]);
  const facts = new Map<string, ChildConsentFacts>(
    children.map((child) => [
      child.id,
      { child: { dateOfBirth: child.dateOfBirth, custodianIds: child.custodianIds }, consents: [] },
    ]),
  );
  for (const consent of consents) {
    const { childId, ...rest } = consent;
    facts.get(childId)?.consents.push({ ...rest, agencies: consent.agencies as Agency[] });
  }
  return facts;
}
