import { Prisma } from '../../../../prisma/sip/client/client.ts';
import { BadUserInputError } from '../../../../lib/errors.ts';
import type { RegisterChildInput } from './register-child.input.ts';
import { ageOn } from '../../../../policy/age.ts';
import { parsePersonnummer, PERSONNUMMER_PROBLEM_TEXT } from './personnummer.ts';
import type { AuthorityContext } from '../context.ts';
import { logLookup } from './personnummer-lookups.ts';

const ADULT_AGE = 18;
const FIELD = 'input.personnummer';

interface RegisteredGuardian {
  personnummer: string;
  hasCustody: boolean;
}

/**
 * Registers a child as the population register has them (PopulationRecord): their name, and their
 * guardians with and without custody, each under the register's own name. Nothing is taken on the
 * caller's word, so a registration can neither give anyone custody of a child nor tell the caller
 * what is stored about a person they named. A guardian already registered is linked, not duplicated.
 * One transaction: a refused registration writes nothing. Like a lookup by personnummer (which it
 * is too: it tells whether the graph holds the child) it is logged and counts towards the limit.
 */
export async function registerChild(context: AuthorityContext, input: RegisterChildInput) {
  const { prisma } = context;
  const today = context.clock();
  const child = parsePersonnummer(input.personnummer, today);
  if (typeof child === 'string') throw new BadUserInputError(FIELD, PERSONNUMMER_PROBLEM_TEXT[child]);
  if (ageOn(child.dateOfBirth, today) >= ADULT_AGE)
    throw new BadUserInputError(FIELD, `the person is ${ADULT_AGE} or older; this graph holds plans for children`);
  const lookup = (childId: string | null, tx?: Prisma.TransactionClient) =>
    logLookup(context, { personnummer: child.digits, purpose: 'registering the child', childId }, tx);
  const existing = await prisma.child.findUnique({ where: { personnummer: child.digits }, select: { id: true } });
  if (existing) {
    await lookup(existing.id);
    throw new BadUserInputError(FIELD, 'a child with this personnummer is already registered');
  }
  let registered;
  try {
    registered = await prisma.$transaction(async (tx) => {
      const record = await tx.populationRecord.findUnique({ where: { personnummer: child.digits } });
      if (!record) throw new BadUserInputError(FIELD, 'the population register has no one with this personnummer');
      const guardians = record.guardians as unknown as RegisteredGuardian[];
      if (!guardians.some((guardian) => guardian.hasCustody))
        throw new BadUserInputError(FIELD, 'the population register names no guardian with custody of this child');
      const people = await tx.populationRecord.findMany({
        where: { personnummer: { in: guardians.map((guardian) => guardian.personnummer) } },
      });
      const created = await tx.child.create({
        data: {
          personnummer: child.digits,
          dateOfBirth: child.dateOfBirth,
          givenName: record.givenName,
          familyName: record.familyName,
        },
      });
      for (const { personnummer, hasCustody } of guardians) {
        const person = people.find((candidate) => candidate.personnummer === personnummer);
        if (!person) throw new Error(`the population register names a guardian it has no record of`);
        const names = { givenName: person.givenName, familyName: person.familyName };
        const stored = await tx.guardian.upsert({
          where: { personnummer },
          create: { personnummer, ...names },
          update: names,
        });
        await tx.guardianship.create({ data: { childId: created.id, guardianId: stored.id, hasCustody } });
      }
      await lookup(created.id, tx);
      return created;
    });
  } catch (error) {
    if (error instanceof BadUserInputError) await lookup(null);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new BadUserInputError(FIELD, 'a child with this personnummer is already registered');
    throw error;
  }
  return registered;
}
