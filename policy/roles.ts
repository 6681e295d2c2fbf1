import type { Agency } from './agencies.ts';

/** Roles with a meaning of their own. They belong to no agency and no unit. */
export const Role = { Guardian: 'guardian', Child: 'child', PrivacyOfficer: 'privacy_officer' } as const;

/**
 * The roles of agency staff the graph accepts; staff always carry their agency and their unit. A
 * token with any other role is refused, so a new role is a reviewed change to this list.
 */
export const STAFF_ROLES = [
  // School and its student health team (elevhälsan).
  'teacher',
  'principal',
  'special_educator',
  'school_counsellor',
  'school_nurse',
  'school_psychologist',
  'school_doctor',
  // Social services.
  'social_worker',
  'family_therapist',
  // Health care.
  'doctor',
  'nurse',
  'psychologist',
  'therapist',
] as const;

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
