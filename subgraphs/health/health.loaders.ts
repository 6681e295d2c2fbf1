import type {
  CareContact,
  CareVisit,
  Diagnosis,
  Prisma,
  PrismaClient,
  Referral,
  Treatment,
} from '../../prisma/health/client/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { manyByKey } from '../../lib/loaders.ts';
import { timelineOf } from '../../lib/pagination/timeline.ts';
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
    careVisits: timelineOf<CareVisit & { contact: CareContact }>(
      prisma,
      (args) => prisma.careVisit.findMany({ ...(args as Prisma.CareVisitFindManyArgs), include: { contact: true } }),
      { table: 'CareVisit', at: 'date' },
    ),
    diagnoses: timelineOf<Diagnosis>(
      prisma,
      (args) => prisma.diagnosis.findMany(args as Prisma.DiagnosisFindManyArgs),
      { table: 'Diagnosis', at: 'diagnosedOn' },
    ),
    treatments: timelineOf<Treatment>(
      prisma,
      (args) => prisma.treatment.findMany(args as Prisma.TreatmentFindManyArgs),
      { table: 'Treatment', at: 'startsOn', until: 'endsOn' },
    ),
    referrals: timelineOf<Referral>(prisma, (args) => prisma.referral.findMany(args as Prisma.ReferralFindManyArgs), {
      table: 'Referral',
      at: 'sentOn',
    }),
  };
}
