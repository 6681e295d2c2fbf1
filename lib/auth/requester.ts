import { AGENCIES, type Agency } from '../../policy/agencies.ts';
import { Role, roleFitsAgency, STAFF_ROLES, type Requester, type StaffRole } from '../../policy/roles.ts';

export { isFamily, Role, type Requester } from '../../policy/roles.ts';

/**
 * Reads a requester from verified claims; returns the reason when the claims do not describe one
 * the policy knows: a known role; staff with an agency and a unit; guardians, children and privacy
 * officers with neither (a privacy officer serves a whole municipality or region).
 */
export function requesterFromClaims(claims: Record<string, unknown>): Requester | string {
  const { sub, role, agency, unit, name } = claims;
  if (typeof sub !== 'string' || sub === '') return 'the token has no subject';
  if (typeof role !== 'string' || role === '') return 'the token has no role';
  const staff = (STAFF_ROLES as readonly string[]).includes(role);
  if (!staff && !(Object.values(Role) as string[]).includes(role)) return `unknown role ${role}`;
  const hasAgency = agency !== undefined && agency !== null;
  const hasUnit = unit !== undefined && unit !== null;
  if (hasAgency && !AGENCIES.includes(agency as Agency)) return `unknown agency ${String(agency)}`;
  if (staff && !hasAgency) return `a ${role} must belong to an agency`;
  if (staff && !roleFitsAgency(role as StaffRole, agency as Agency))
    return `a ${role} does not work in ${String(agency)}`;
  if (staff && (typeof unit !== 'string' || unit.trim() === '')) return `a ${role} must belong to a unit`;
  if (!staff && (hasAgency || hasUnit)) return `a ${role} belongs to no agency and no unit`;
  return {
    subject: sub,
    role,
    agency: hasAgency ? (agency as Agency) : null,
    unit: staff ? (unit as string) : null,
    name: typeof name === 'string' ? name : null,
  };
}
