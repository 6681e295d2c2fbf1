import type { Requester } from './roles.ts';

/** The people the policy's tests ask about: a family of two guardians and their child, staff, a privacy officer. */
export const mother: Requester = { subject: 'guardian-mother', role: 'guardian', agency: null, unit: null, name: null };
export const father: Requester = { subject: 'guardian-father', role: 'guardian', agency: null, unit: null, name: null };
export const stranger: Requester = {
  subject: 'guardian-other',
  role: 'guardian',
  agency: null,
  unit: null,
  name: null,
};
export const child: Requester = { subject: 'child-1', role: 'child', agency: null, unit: null, name: null };
export const otherChild: Requester = { subject: 'child-2', role: 'child', agency: null, unit: null, name: null };
export const counsellor: Requester = {
  subject: 'staff-counsellor',
  role: 'school_counsellor',
  agency: 'SCHOOL',
  unit: 'Ekbackens skola',
  name: null,
};
export const doctor: Requester = {
  subject: 'staff-doctor',
  role: 'doctor',
  agency: 'HEALTH_CARE',
  unit: 'BUP Norra',
  name: null,
};
export const officer: Requester = {
  subject: 'dpo-1',
  role: 'privacy_officer',
  agency: null,
  unit: null,
  name: null,
};

export const at = (iso: string) => new Date(iso);
/** The child turns 15 on 10 May 2026. */
export const BORN = at('2011-05-10T00:00:00Z');
export const BEFORE_15 = at('2026-05-09T12:00:00Z');
export const AT_15 = at('2026-05-10T12:00:00Z');
/** The child's 18th birthday: the guardians' say ends. */
export const AT_18 = at('2029-05-10T12:00:00Z');
