import type { UnitContactCheck } from '../../lib/consent/unit-contact.ts';
import type { PrismaClient } from '../../prisma/social/client/client.ts';

/**
 * Social services' contact with a child: the staff member handles the child's open case. A case
 * names its handling officer (handläggare) by name, as the case system does.
 */
export const handlesOpenCase: UnitContactCheck<PrismaClient> = async (prisma, childId, staff) =>
  staff.name !== null &&
  (await prisma.socialCase.count({ where: { childId, closedAt: null, handlingOfficer: staff.name } })) > 0;
