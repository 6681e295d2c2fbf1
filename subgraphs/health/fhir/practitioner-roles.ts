import type { PractitionerRole } from '@medplum/fhirtypes';
import type { DirectoryEntry } from '../../../lib/subgraph/staff-directory.ts';
import { uuidFrom } from '../../../lib/uuid.ts';
import { organizationId } from './care-resources.ts';

/** The HSA-id (the national catalogue's identity of a person, which SITHS sign-in carries). */
export const HSA_ID_SYSTEM = 'urn:oid:1.2.752.29.4.19';

/**
 * A member of staff at a care unit as the region's catalogue holds them in FHIR (HSA mapped to R4):
 * PractitionerRole with `identifier` the person's HSA-id, `practitioner.display` their name,
 * `organization.display` the care unit, `code.text` their title, `telecom` their phone and e-mail.
 */
export const toPractitionerRole = (entry: DirectoryEntry): PractitionerRole => ({
  resourceType: 'PractitionerRole',
  id: uuidFrom(`practitioner role|${entry.subject}|${entry.unit}`),
  active: true,
  identifier: [{ system: HSA_ID_SYSTEM, value: entry.subject }],
  practitioner: { display: entry.name },
  organization: { reference: `Organization/${organizationId(entry.unit)}`, display: entry.unit },
  code: [{ text: entry.title }],
  telecom: [
    ...(entry.phone ? [{ system: 'phone' as const, value: entry.phone }] : []),
    ...(entry.email ? [{ system: 'email' as const, value: entry.email }] : []),
  ],
});

/** The directory's entry for a role, or null when it lacks what an entry needs (an HSA-id, a name, a unit). */
export function fromPractitionerRole(role: PractitionerRole): DirectoryEntry | null {
  const subject = role.identifier?.find((identifier) => identifier.system === HSA_ID_SYSTEM)?.value;
  const name = role.practitioner?.display;
  const unit = role.organization?.display;
  if (!subject || !name || !unit) return null;
  const contact = (system: 'phone' | 'email') => role.telecom?.find((t) => t.system === system)?.value ?? null;
  return { subject, name, unit, title: role.code?.[0]?.text ?? '', email: contact('email'), phone: contact('phone') };
}
