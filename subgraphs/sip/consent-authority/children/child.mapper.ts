import type { Child as ChildRow, Guardian as GuardianRow } from '../../../../prisma/sip/client/client.ts';
import { Child } from './child.type.ts';
import { Guardian } from './guardian.type.ts';
import { formatPersonnummer } from './personnummer.ts';
import { toLocalDate } from '../../../../lib/periods.ts';

/** Guardians are resolved by their own field resolver, so they are not part of the mapped row. */
export function toChild(row: ChildRow): Child {
  return Object.assign(new Child(), {
    id: row.id,
    personnummer: formatPersonnummer(row.personnummer),
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: toLocalDate(row.dateOfBirth),
  });
}

export function toGuardian(row: GuardianRow): Guardian {
  return Object.assign(new Guardian(), {
    id: row.id,
    personnummer: formatPersonnummer(row.personnummer),
    givenName: row.givenName,
    familyName: row.familyName,
  });
}
