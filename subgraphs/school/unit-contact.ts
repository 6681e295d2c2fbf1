import type { UnitContactCheck } from '../../lib/subgraph/unit-contact.ts';
import type { PrismaClient } from '../../prisma/school/client/client.ts';
import type { Ss12000Client } from './ss12000/ss12000-client.ts';
import { personsOfChildren, studentsWithPlacements } from './ss12000/students.ts';

/**
 * The school's contact with a child: the student information system has them enrolled today at the
 * staff member's school.
 */
export const schoolInContact: UnitContactCheck<PrismaClient, Ss12000Client> = async (
  services,
  childId,
  staff,
  today,
) => {
  const [student] = await studentsWithPlacements(services.source, await personsOfChildren(services, [childId]), today);
  return student?.placement?.schoolName === staff.unit;
};
