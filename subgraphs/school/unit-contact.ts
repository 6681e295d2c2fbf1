import type { UnitContactCheck } from '../../lib/consent/unit-contact.ts';
import { inForceOn } from '../../lib/periods.ts';
import type { PrismaClient } from '../../prisma/school/client/client.ts';

/** The school's contact with a child: the child is enrolled today at the staff member's school. */
export const schoolInContact: UnitContactCheck<PrismaClient> = async ({ prisma }, childId, staff, today) =>
  (await prisma.schoolPlacement.count({ where: { childId, schoolName: staff.unit, ...inForceOn(today) } })) > 0;
