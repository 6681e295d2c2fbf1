import { Prisma, type PrismaClient } from '../../prisma/sip/client/client.ts';
import { BadUserInputError } from '../../lib/errors.ts';
import type { RegisterChildInput } from './register-child.input.ts';
import { ageOn } from '../../policy/age.ts';
import { parsePersonnummer, PERSONNUMMER_PROBLEM_TEXT, type Personnummer } from './personnummer.ts';

const ADULT_AGE = 18;
const MAX_NAME_LENGTH = 100;

function validPersonnummer(field: string, value: string, today: Date): Personnummer {
  const parsed = parsePersonnummer(value, today);
  if (typeof parsed === 'string') throw new BadUserInputError(field, PERSONNUMMER_PROBLEM_TEXT[parsed]);
  return parsed;
}

function validName(field: string, value: string): string {
  const name = value.trim();
  if (name === '') throw new BadUserInputError(field, 'must not be empty');
  if (name.length > MAX_NAME_LENGTH)
    throw new BadUserInputError(field, `must be at most ${MAX_NAME_LENGTH} characters`);
  return name;
}

/** Checks everything before writing, so a rejected registration writes nothing. */
function validate(input: RegisterChildInput, today: Date) {
  const child = validPersonnummer('input.personnummer', input.personnummer, today);
  if (ageOn(child.dateOfBirth, today) >= ADULT_AGE) {
    throw new BadUserInputError(
      'input.personnummer',
      `the person is ${ADULT_AGE} or older; this graph holds plans for children`,
    );
  }
  const guardians = input.guardians.map((guardian, i) => ({
    personnummer: validPersonnummer(`input.guardians.${i}.personnummer`, guardian.personnummer, today).digits,
    givenName: validName(`input.guardians.${i}.givenName`, guardian.givenName),
    familyName: validName(`input.guardians.${i}.familyName`, guardian.familyName),
    hasCustody: guardian.hasCustody,
  }));
  guardians.forEach((guardian, i) => {
    if (guardian.personnummer === child.digits)
      throw new BadUserInputError(`input.guardians.${i}.personnummer`, 'a child cannot be their own guardian');
    if (guardians.findIndex((other) => other.personnummer === guardian.personnummer) !== i) {
      throw new BadUserInputError(`input.guardians.${i}.personnummer`, 'the same guardian is listed twice');
    }
  });
  const custodians = guardians.filter((guardian) => guardian.hasCustody).length;
  if (custodians === 0) throw new BadUserInputError('input.guardians', 'at least one guardian must have custody');
  if (custodians > 2) throw new BadUserInputError('input.guardians', 'at most two guardians can have custody');
  return {
    child: {
      personnummer: child.digits,
      dateOfBirth: child.dateOfBirth,
      givenName: validName('input.givenName', input.givenName),
      familyName: validName('input.familyName', input.familyName),
    },
    guardians,
  };
}

/**
 * Registers a child with their guardians in one transaction. A guardian already registered
 * (by personnummer) is linked, not duplicated.
 */
export async function registerChild(prisma: PrismaClient, input: RegisterChildInput, today: Date) {
  const valid = validate(input, today);
  try {
    return await prisma.$transaction(async (tx) => {
      const child = await tx.child.create({ data: valid.child });
      for (const { hasCustody, ...guardian } of valid.guardians) {
        const stored = await tx.guardian.upsert({
          where: { personnummer: guardian.personnummer },
          create: guardian,
          update: {},
        });
        await tx.guardianship.create({ data: { childId: child.id, guardianId: stored.id, hasCustody } });
      }
      return child;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new BadUserInputError('input.personnummer', 'a child with this personnummer is already registered');
    }
    throw error;
  }
}
