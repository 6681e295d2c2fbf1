import type { UnitContactCheck } from '../../lib/consent/unit-contact.ts';
import { inForceOn } from '../../lib/periods.ts';
import type { PrismaClient } from '../../prisma/health/client/client.ts';

/** Health care's contact with a child: a care contact in force today at the staff member's care unit. */
export const careUnitInContact: UnitContactCheck<PrismaClient> = async (prisma, childId, staff, today) =>
  (await prisma.careContact.count({ where: { childId, unitName: staff.unit, ...inForceOn(today) } })) > 0;
