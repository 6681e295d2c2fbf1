import type { PrismaClient } from '../../prisma/health/client/client.ts';
import { demoChildren as c } from '../../prisma/demo/people.ts';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const bup = { unitName: 'BUP Norra', unitType: 'BUP' as const };
const habilitering = { unitName: 'Barn- och ungdomshabiliteringen', unitType: 'HABILITERING' as const };
const vardcentral = { unitName: 'Vårdcentralen Ekbacken', unitType: 'VARDCENTRAL' as const };

/** Fictional care contacts; Saga's BUP contact has ended. */
export async function seedHealth(prisma: PrismaClient): Promise<void> {
  if ((await prisma.careContact.count()) > 0) return;
  await prisma.careContact.createMany({
    data: [
      { childId: c.alva.id, ...bup, startDate: date('2025-03-10') },
      { childId: c.alva.id, ...vardcentral, startDate: date('2013-01-15') },
      { childId: c.elias.id, ...bup, startDate: date('2024-10-01') },
      { childId: c.noah.id, ...habilitering, startDate: date('2019-05-20') },
      { childId: c.leo.id, ...habilitering, startDate: date('2016-02-02') },
      { childId: c.leo.id, ...bup, startDate: date('2026-02-11') },
      { childId: c.saga.id, ...bup, startDate: date('2023-04-03'), endDate: date('2024-06-30') },
      { childId: c.ebbe.id, ...vardcentral, startDate: date('2016-09-12') },
    ],
  });
}
