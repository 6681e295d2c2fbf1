import type { UnitContactCheck } from '../../lib/subgraph/unit-contact.ts';
import type { PrismaClient } from '../../prisma/social/client/client.ts';
import { caseSystemRowsOf } from './social.loaders.ts';

/**
 * Social services' contact with a child: the staff member handles the child's open case, by the
 * case system's identity of its handling officer (handläggare) against the token's subject. Never by
 * name: a token's display name is whatever its holder was given.
 */
export const handlesOpenCase: UnitContactCheck<null, PrismaClient> = async (
  { source, childIdentities },
  childId,
  staff,
) =>
  (
    await caseSystemRowsOf(childIdentities, [childId], (personnummer) =>
      source.socialCase.findMany({
        where: { personnummer: { in: personnummer }, closedAt: null, handlingOfficerId: staff.subject },
        select: { id: true, personnummer: true },
      }),
    )
  ).length > 0;
