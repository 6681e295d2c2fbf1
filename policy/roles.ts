import type { Agency } from './agencies.ts';

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
