import type { Agency } from './agencies.ts';

/** Roles with a meaning of their own. They belong to no agency and no unit. */
export const Role = { Guardian: 'guardian', Child: 'child', PrivacyOfficer: 'privacy_officer' } as const;

/**
 * The roles of agency staff the graph accepts, each with the agencies whose staff hold it. Staff
 * always carry their agency and their unit, and a role fits only its own agencies: a "teacher" of
 * health care, or a "doctor" of a school, is refused, so nobody reads as health staff by claiming a
 * health agency beside a school role. A token with any other role is refused, so a new role is a
 * reviewed change to this table.
 */
export const STAFF_ROLE_AGENCIES = {
  // School and its student health team (elevhälsan).
  teacher: ['SCHOOL'],
  principal: ['SCHOOL'],
  special_educator: ['SCHOOL'],
  school_counsellor: ['SCHOOL'],
  school_nurse: ['SCHOOL'],
  school_psychologist: ['SCHOOL'],
  school_doctor: ['SCHOOL'],
  // Social services.
  social_worker: ['SOCIAL_SERVICES'],
  family_therapist: ['SOCIAL_SERVICES'],
  // Health care.
  doctor: ['HEALTH_CARE'],
  nurse: ['HEALTH_CARE'],
  psychologist: ['HEALTH_CARE'],
  therapist: ['HEALTH_CARE'],
} as const satisfies Record<string, readonly Agency[]>;

export type StaffRole = keyof typeof STAFF_ROLE_AGENCIES;
export const STAFF_ROLES = Object.keys(STAFF_ROLE_AGENCIES) as StaffRole[];

/** Whether a staff role fits the agency a token names (see STAFF_ROLE_AGENCIES). */
export const roleFitsAgency = (role: StaffRole, agency: Agency): boolean =>
  (STAFF_ROLE_AGENCIES[role] as readonly Agency[]).includes(agency);

/** Who is asking: read from the verified bearer token at the gateway, carried to subgraphs in the signed context. */
export interface Requester {
  subject: string;
  role: string;
  /** The requester's agency; null for guardians and children, who belong to none. */
  agency: Agency | null;
  unit: string | null;
  name: string | null;
}

/** A guardian or a child: the family, whose consent it is. */
export const isFamily = (requester: Requester) => requester.role === Role.Guardian || requester.role === Role.Child;

/** Reviews the policy and the log of a whole municipality or region; reads no agency's records as staff do. */
export const isPrivacyOfficer = (requester: Requester) => requester.role === Role.PrivacyOfficer;

/** Agency staff: neither the family nor a privacy officer. */
export const isStaff = (requester: Requester) => !isFamily(requester) && !isPrivacyOfficer(requester);

/**
 * Who a family member is in the SIP core: a guardian (who sees the children in their custody or
 * guardianship) or a child (who sees only themselves). Null for staff and privacy officers, whom
 * the family limit does not concern.
 */
export const familyMemberOf = (
  requester: Requester,
): { kind: 'guardian'; guardianId: string } | { kind: 'child'; childId: string } | null =>
  requester.role === Role.Guardian
    ? { kind: 'guardian', guardianId: requester.subject }
    : requester.role === Role.Child
      ? { kind: 'child', childId: requester.subject }
      : null;
