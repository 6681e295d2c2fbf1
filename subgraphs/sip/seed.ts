import type { PrismaClient } from '../../prisma/sip/client/client.ts';
import { demoChildren, demoGuardians } from '../../prisma/demo/people.ts';
import type { Clock } from '../../lib/clock.ts';
import { parsePersonnummer } from './personnummer.ts';
import { demoCohort } from '../../prisma/demo/cohort.ts';
import { cohortConsents, demoConsents } from './consent/demo-consents.ts';
import { demoSips } from './process/demo-sips.ts';

const digits = (personnummer: string) => personnummer.replace('-', '');

/** Demo children (the named families and the cohort), guardians, consents and SIPs at every stage, inserted once into an empty database. */
export async function seedSip(prisma: PrismaClient, clock: Clock): Promise<void> {
  if ((await prisma.child.count()) > 0) return;
  await prisma.$transaction(async (tx) => {
    const cohortGuardians = demoCohort.flatMap((child) => child.guardians.map(({ guardian }) => guardian));
    await tx.guardian.createMany({
      data: [...Object.values(demoGuardians), ...cohortGuardians].map(({ personnummer, ...guardian }) => ({ ...guardian, personnummer: digits(personnummer) })),
    });
    const children = [...Object.values(demoChildren), ...demoCohort.map(({ id, personnummer, givenName, familyName, guardians }) => ({ id, personnummer, givenName, familyName, guardians }))];
    for (const { guardians, personnummer, ...child } of children) {
      const parsed = parsePersonnummer(personnummer);
      if (typeof parsed === 'string') throw new Error(`demo personnummer ${personnummer} is invalid: ${parsed}`);
      await tx.child.create({ data: { ...child, personnummer: parsed.digits, dateOfBirth: parsed.dateOfBirth } });
      await tx.guardianship.createMany({
        data: guardians.map(({ guardian, hasCustody }) => ({ childId: child.id, guardianId: guardian.id, hasCustody })),
      });
    }
    for (const { withdrawal, ...consent } of [...demoConsents(clock()), ...cohortConsents(clock())]) {
      await tx.consent.create({ data: consent });
      if (withdrawal) await tx.consentWithdrawal.create({ data: { consentId: consent.id, ...withdrawal } });
    }
    for (const sip of demoSips(clock())) await tx.sip.create({ data: sip });
  });
}
