import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../../prisma/sip/client/client.ts';
import { writeDemoData, type DemoDataStep } from '../../../lib/db/demo-data.ts';
import { openDatabase, type OpenDatabase } from '../../../lib/db/database.ts';
import { applyMigrations, readMigrations } from '../../../lib/db/migrate.ts';
import { prismaOptions } from '../../../lib/db/prisma-options.ts';
import { demoConsentId } from '../../../dev/demo/sip-ids.ts';
import { sipDemoData } from '../../../dev/demo/sip.ts';
import { sipSubgraph } from '../../../subgraphs/sip/subgraph.ts';
import { createTestDatabases, type TestDatabases } from '../../support/test-databases.ts';

const FIRST_START = new Date('2026-11-25T08:00:00Z');
const NEXT_START = new Date('2026-11-28T08:00:00Z');
const migrations = readMigrations(join(import.meta.dirname, '..', '..', '..', 'prisma', 'sip', 'migrations'));

/** The SIP core's demo data, as a start that is killed while it writes the consents. */
const killedDuringConsents: Array<DemoDataStep<never>> = sipDemoData.map((step) =>
  step.name === 'consents'
    ? {
        name: step.name,
        write: async (tx, now) => {
          await step.write(tx, now);
          throw new Error('killed');
        },
      }
    : step,
);

describe('demo data', () => {
  let databases: TestDatabases;
  let database: OpenDatabase;
  let prisma: PrismaClient;
  const counts = async () => ({
    children: await prisma.child.count(),
    consents: await prisma.consent.count(),
    withdrawals: await prisma.consentWithdrawal.count(),
    sips: await prisma.sip.count(),
    planVersions: await prisma.planVersion.count(),
  });

  beforeAll(async () => {
    databases = await createTestDatabases(['sip']);
    database = await openDatabase('sip', databases.location('sip'));
    prisma = sipSubgraph.createPrisma!(prismaOptions(database.connectionString, database.maxPoolSize));
  });
  beforeEach(async () => {
    await prisma.$executeRawUnsafe('DROP SCHEMA public CASCADE');
    await prisma.$executeRawUnsafe('CREATE SCHEMA public');
    await applyMigrations(database.connectionString, migrations);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.close();
    await databases?.drop();
  });

  it('is finished by the next start after a start killed half-way, with nothing written twice', async () => {
    await expect(writeDemoData(prisma, killedDuringConsents, () => FIRST_START)).rejects.toThrow('killed');
    // Whole steps only: the children are there, the consents' transaction left nothing.
    expect(await counts()).toEqual({ children: 41, consents: 0, withdrawals: 0, sips: 0, planVersions: 0 });

    const resumed = await writeDemoData(prisma, sipDemoData, () => NEXT_START);
    expect(resumed).toEqual(['consents', 'SIPs', 'requests and views', 'summonses']);
    const complete = await counts();
    expect(complete).toEqual({ children: 41, consents: 33, withdrawals: 7, sips: 7, planVersions: 4 });
    // Dated around the first start, as if it had not been interrupted: Alva's consent began 31 days before it.
    const alva = await prisma.consent.findUniqueOrThrow({ where: { id: demoConsentId(1) } });
    expect(alva.validFrom).toEqual(new Date(FIRST_START.getTime() - 31 * 86_400_000));

    expect(await writeDemoData(prisma, sipDemoData, () => NEXT_START)).toEqual([]);
    expect(await counts()).toEqual(complete);
  });

  it('is written once when two replicas start on one database at the same time', async () => {
    const replica = sipSubgraph.createPrisma!(prismaOptions(database.connectionString, database.maxPoolSize));
    try {
      const written = await Promise.all([
        writeDemoData(prisma, sipDemoData, () => FIRST_START),
        writeDemoData(replica, sipDemoData, () => FIRST_START),
      ]);
      expect(written.flat().sort()).toEqual([
        'SIPs',
        'children and guardians',
        'consents',
        'population register',
        'requests and views',
        'summonses',
      ]);
      expect(await counts()).toEqual({ children: 41, consents: 33, withdrawals: 7, sips: 7, planVersions: 4 });
    } finally {
      await replica.$disconnect();
    }
  });

  it('is not added to a database that already holds other data', async () => {
    await prisma.child.create({
      data: {
        personnummer: '201602299800',
        givenName: 'Tove',
        familyName: 'Karlsson',
        dateOfBirth: new Date('2016-02-29'),
      },
    });
    expect(await writeDemoData(prisma, sipDemoData, () => FIRST_START)).toEqual([]);
    expect(await counts()).toEqual({ children: 1, consents: 0, withdrawals: 0, sips: 0, planVersions: 0 });
  });
});
