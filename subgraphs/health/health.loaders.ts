import type { Prisma, PrismaClient } from '../../prisma/health/client/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { manyByKey } from '../../lib/loaders.ts';
import { newestFirst, timelineLoader, timelineWhere } from '../../lib/pagination/timeline.ts';
import { inForceOn } from '../../lib/periods.ts';

export function createHealthLoaders(prisma: PrismaClient, clock: Clock) {
  return {
    /** Contacts in force today, longest-standing first. */
    currentCareContactsByChildId: manyByKey(
      (childIds: readonly string[]) => {
        const today = clock();
        return prisma.careContact.findMany({
          where: { childId: { in: [...childIds] }, ...inForceOn(today) },
          orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
        });
      },
      (contact) => contact.childId,
    ),
    careVisits: timelineLoader(
      (childIds, request, take) =>
        prisma.careVisit.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'date' }, request) as Prisma.CareVisitWhereInput) },
          include: { contact: true },
          orderBy: newestFirst('date'),
          take,
        }),
      (row) => row.date,
    ),
    diagnoses: timelineLoader(
      (childIds, request, take) =>
        prisma.diagnosis.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'diagnosedOn' }, request) as Prisma.DiagnosisWhereInput) },
          orderBy: newestFirst('diagnosedOn'),
          take,
        }),
      (row) => row.diagnosedOn,
    ),
    treatments: timelineLoader(
      (childIds, request, take) =>
        prisma.treatment.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'startsOn', until: 'endsOn' }, request) as Prisma.TreatmentWhereInput) },
          orderBy: newestFirst('startsOn'),
          take,
        }),
      (row) => row.startsOn,
    ),
    referrals: timelineLoader(
      (childIds, request, take) =>
        prisma.referral.findMany({
          where: { childId: { in: childIds }, ...(timelineWhere({ at: 'sentOn' }, request) as Prisma.ReferralWhereInput) },
          orderBy: newestFirst('sentOn'),
          take,
        }),
      (row) => row.sentOn,
    ),
  };
}
