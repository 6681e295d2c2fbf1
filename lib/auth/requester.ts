import { AGENCIES, type Agency } from '../../schema/agencies.ts';

/**
 * Roles with a meaning of their own; any other role is agency staff (e.g. school_counsellor, social_worker, doctor).
 */
export const Role = { Guardian: 'guardian', Child: 'child', PrivacyOfficer: 'privacy_officer' } as const;

/** Who is asking: read from the verified bearer token at the gateway, carried to subgraphs in the signed context. */
export interface Requester {
  subject: string;
  role: string;
  /** The requester's agency; null for guardians and children, who belong to none. */
  agency: Agency | null;
  unit: string | null;
  name: string | null;
}

export const isFamily = (requester: Requester) => requester.role === Role.Guardian || requester.role === Role.Child;

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
