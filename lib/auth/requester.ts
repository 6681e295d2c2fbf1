import { AGENCIES, type Agency } from '../../policy/agencies.ts';
import { isFamily, Role, type Requester } from '../../policy/roles.ts';

export { isFamily, Role, type Requester } from '../../policy/roles.ts';

/** Reads a requester from verified claims; returns the reason when the claims do not describe one. */
export function requesterFromClaims(claims: Record<string, unknown>): Requester | string {
  const { sub, role, agency, unit, name } = claims;
  if (typeof sub !== 'string' || sub === '') return 'the token has no subject';
  if (typeof role !== 'string' || role === '') return 'the token has no role';
  if (agency !== undefined && agency !== null && !AGENCIES.includes(agency as Agency))
    return `unknown agency ${String(agency)}`;
  const requester: Requester = {
    subject: sub,
    role,
    agency: (agency as Agency | undefined) ?? null,
    unit: typeof unit === 'string' ? unit : null,
    name: typeof name === 'string' ? name : null,
  };
  if (isFamily(requester) && requester.agency) return `a ${role} belongs to no agency`;
  // A privacy officer (dataskyddsombud) may serve a whole municipality or region rather than one agency.
  if (!isFamily(requester) && !requester.agency && role !== Role.PrivacyOfficer)
    return `a ${role} must belong to an agency`;
  return requester;
}
