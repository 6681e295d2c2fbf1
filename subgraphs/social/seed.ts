import type { PrismaClient } from '../../prisma/social/client/client.ts';
import { demoChildren as c } from '../../prisma/demo/people.ts';

const at = (iso: string) => new Date(iso);

/** Fictional cases; Leo's earlier case is closed. */
export async function seedSocial(prisma: PrismaClient): Promise<void> {
  if ((await prisma.socialCase.count()) > 0) return;
  await prisma.socialCase.createMany({
    data: [
      { childId: c.alva.id, caseNumber: 'SOC-2025-0412', openedAt: at('2025-09-02T08:30:00Z'), handlingOfficer: 'Eva Sundberg' },
      { childId: c.elias.id, caseNumber: 'SOC-2024-1187', openedAt: at('2024-11-14T13:00:00Z'), handlingOfficer: 'Mikael Öst' },
      { childId: c.leo.id, caseNumber: 'SOC-2022-0203', openedAt: at('2022-02-10T09:00:00Z'), closedAt: at('2023-01-31T15:00:00Z'), handlingOfficer: 'Eva Sundberg' },
      { childId: c.leo.id, caseNumber: 'SOC-2026-0057', openedAt: at('2026-01-20T10:15:00Z'), handlingOfficer: 'Eva Sundberg' },
      { childId: c.juni.id, caseNumber: 'SOC-2026-0311', openedAt: at('2026-05-06T07:45:00Z'), handlingOfficer: 'Mikael Öst' },
    ],
  });
}
