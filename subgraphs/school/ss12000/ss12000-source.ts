import type { SourceSystem } from '../../../lib/source/source-system.ts';
import { createSs12000Client, type Ss12000Client } from './ss12000-client.ts';
import { SS12000_SOURCE } from './ss12000-error.ts';

/** The school's student information system, over SS 12000: SCHOOL_SS12000_URL and SCHOOL_SS12000_TOKEN. */
export const ss12000Source: SourceSystem<Ss12000Client> = {
  label: SS12000_SOURCE,
  variable: 'SS12000',
  connect: (location) => createSs12000Client(location),
  check: (client) => client.check(),
};
