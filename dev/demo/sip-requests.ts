import type { Prisma } from '../../prisma/sip/client/client.ts';
import { demoChildren as c, demoGuardians as g, demoStaff } from './people.ts';
import { demoSipId } from './sip-ids.ts';

const DAY = 24 * 60 * 60 * 1000;
const requestId = (n: number) => `88888888-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Fictional requests for a SIP: Noah's SIP began as his mother's request, which the school
 * counsellor accepted; Hedda (17) asked the school and health care herself three days ago, and her
 * request waits in their worklists.
 */
export function demoSipRequests(now: Date): {
  requests: Prisma.SipRequestCreateManyInput[];
  answers: Prisma.SipRequestAnswerCreateManyInput[];
} {
  const days = (n: number) => new Date(now.getTime() + n * DAY);
  const { counsellor } = demoStaff;
  return {
    requests: [
      {
        id: requestId(1),
        childId: c.noah.id,
        requestedBy: g.annaKarlsson.id,
        needs: 'Noah har svårt i skolan och vi har kontakt med både habiliteringen och socialtjänsten.',
        agencies: ['SCHOOL', 'SOCIAL_SERVICES'],
        requestedAt: days(-16),
      },
      {
        id: requestId(2),
        childId: c.hedda.id,
        requestedBy: c.hedda.id,
        needs: 'Jag orkar inte med skolan just nu och vill att skolan och vårdcentralen pratar med varandra.',
        agencies: ['SCHOOL', 'HEALTH_CARE'],
        requestedAt: days(-3),
      },
    ],
    answers: [
      {
        requestId: requestId(1),
        accepted: true,
        sipId: demoSipId(3),
        answeredBy: counsellor.subject,
        answeredByName: counsellor.name,
        answeredByAgency: counsellor.agency,
        answeredByUnit: counsellor.unit,
        answeredAt: days(-14),
      },
    ],
  };
}
