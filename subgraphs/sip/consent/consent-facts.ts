import type { PrismaClient } from '../../../prisma/sip/client/client.ts';
import type { Agency } from '../../../schema/agencies.ts';
import type { ChildFacts, ConsentFacts } from './decide-consent.ts';

export interface ChildConsentFacts {
  child: ChildFacts;
  consents: ConsentFacts[];
}

/** Everything the rule needs for these children, in a fixed number of queries whatever their number. */
export async function loadConsentFacts(prisma: PrismaClient, childIds: readonly string[]): Promise<Map<string, ChildConsentFacts>> {
  const ids = [...new Set(childIds)];
  const [children, consents] = await Promise.all([
    prisma.child.findMany({ where: { id: { in: ids } }, select: { id: true, dateOfBirth: true, guardians: { where: { hasCustody: true }, select: { guardianId: true } } } }),
    prisma.consent.findMany({ where: { childId: { in: ids } }, include: { withdrawal: true, replacedBy: { select: { recordedAt: true } } } }),
  ]);
  const facts = new Map<string, ChildConsentFacts>(
    children.map((child) => [child.id, { child: { dateOfBirth: child.dateOfBirth, custodianIds: child.guardians.map((g) => g.guardianId) }, consents: [] }]),
  );
  for (const consent of consents) {
    facts.get(consent.childId)?.consents.push({
      ...consent,
      agencies: consent.agencies as Agency[],
      withdrawnAt: consent.withdrawal?.withdrawnAt ?? null,
      replacedAt: consent.replacedBy?.recordedAt ?? null,
    });
  }
  return facts;
}
