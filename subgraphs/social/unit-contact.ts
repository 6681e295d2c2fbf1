import type { UnitContactCheck } from '../../lib/consent/unit-contact.ts';
import type { PrismaClient } from '../../prisma/social/client/client.ts';

/**
 * Social services' contact with a child: the staff member handles the child's open case, by the
 * case system's identity of its handling officer (handläggare) against the token's subject. Never by
 * name: a token's display name is whatever its holder was given.
 */
export const handlesOpenCase: UnitContactCheck<PrismaClient> = async ({ prisma }, childId, staff) =>
  (await prisma.socialCase.count({ where: { childId, closedAt: null, handlingOfficerId: staff.subject } })) > 0;
