import type { DirectoryEntry, StaffDirectory } from '../../lib/subgraph/staff-directory.ts';
import type { PrismaClient } from '../../prisma/school/client/client.ts';
import { swedishToday, toLocalDate } from '../../lib/periods.ts';
import type { DutyExpanded } from './ss12000/resources.ts';
import { LOGIN_IDENTITY_CONTEXT } from './ss12000/student-records.ts';
import type { Ss12000Client } from './ss12000/ss12000-client.ts';

/** Titles for the standard's duty roles, as a SIP names a participant's role. */
const title = (duty: DutyExpanded) => duty.dutyRole.toLowerCase();

/**
 * The school's catalogue: the duties in force in the student information system (`GET /duties`,
 * with each person), at the school unit each names, for staff with a sign-in identity.
 */
export const schoolDuties: StaffDirectory<PrismaClient, Ss12000Client> = async ({ source, clock }) => {
  const today = toLocalDate(swedishToday(clock()));
  const duties = (await source.allDuties()).filter(
    (duty) => duty.startDate <= today && (!duty.endDate || duty.endDate >= today),
  );
  const units = await source.organisations(duties.map((duty) => duty.dutyAt.id));
  return duties.flatMap((duty): DirectoryEntry[] => {
    const person = duty._embedded?.person;
    const subject = person?.externalIdentifiers?.find((id) => id.context === LOGIN_IDENTITY_CONTEXT)?.value;
    const unit = units.get(duty.dutyAt.id)?.displayName;
    if (!person || !subject || !unit) return [];
    return [
      {
        subject,
        name: `${person.givenName} ${person.familyName}`,
        title: title(duty),
        unit,
        email: person.emails?.find((email) => email.type === 'Skola personal')?.value ?? null,
        phone: person.phoneNumbers?.find((phone) => phone.type === 'Arbete')?.value ?? null,
      },
    ];
  });
};
