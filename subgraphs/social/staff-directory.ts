import { MAX_DIRECTORY_ENTRIES, type StaffDirectory } from '../../lib/subgraph/staff-directory.ts';
import type { PrismaClient } from '../../prisma/social/client/client.ts';

/** Social services' catalogue: the case system's staff register, searched in the database. */
export const caseSystemStaff: StaffDirectory<null, PrismaClient> = ({ source }, { unit, name, subject }) =>
  source.staffMember.findMany({
    where: {
      ...(subject && { subject }),
      ...(unit && { unit: { contains: unit, mode: 'insensitive' } }),
      ...(name && { name: { contains: name, mode: 'insensitive' } }),
    },
    take: MAX_DIRECTORY_ENTRIES,
  });
