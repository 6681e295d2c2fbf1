import type { Agency } from './agencies.ts';

/**
 * The information categories a consent can cover. Every field an agency contributes about a
 * child names one of these in `@consent(scope: …)`; a consent lists the scopes it releases.
 * This catalogue is the vocabulary privacy officers and families read: keep each line plain.
 */
export const CONSENT_SCOPES = {
  SCHOOL_ENROLMENT: {
    agency: 'SCHOOL',
    description: 'Which school, class and grade the child attends, and since when.',
  },
  SCHOOL_ATTENDANCE: {
    agency: 'SCHOOL',
    description: 'Attendance and absence (frånvaro) per term, with the reasons given.',
  },
  SCHOOL_SUPPORT: {
    agency: 'SCHOOL',
    description: 'Extra adaptations (extra anpassningar), special support and action programmes (åtgärdsprogram).',
  },
  SCHOOL_HEALTH_TEAM: {
    agency: 'SCHOOL',
    description: 'Contacts with the student health team (elevhälsan): school nurse, counsellor, psychologist.',
  },
  SOCIAL_CASE: {
    agency: 'SOCIAL_SERVICES',
    description: 'That a social services case is open, its number and the handling officer (handläggare).',
  },
  SOCIAL_INTERVENTIONS: {
    agency: 'SOCIAL_SERVICES',
    description: 'Decided interventions (insatser) under SoL or LSS, with start, end and provider.',
  },
  SOCIAL_CASE_NOTES: { agency: 'SOCIAL_SERVICES', description: 'Investigation notes and assessments in the case.' },
  SOCIAL_PLACEMENTS: {
    agency: 'SOCIAL_SERVICES',
    description: 'Out-of-home placements, contact persons and contact families.',
  },
  HEALTH_CARE_CONTACTS: {
    agency: 'HEALTH_CARE',
    description: 'Which care units (BUP, habilitering, vårdcentral, paediatrics) the child is in contact with.',
  },
  HEALTH_DIAGNOSES: { agency: 'HEALTH_CARE', description: 'Diagnoses (ICD-10 code and text).' },
  HEALTH_MEDICATION: { agency: 'HEALTH_CARE', description: 'Ongoing treatments and medications.' },
  HEALTH_REFERRALS: { agency: 'HEALTH_CARE', description: 'Referrals (remisser) between care units.' },
} as const satisfies Record<string, { agency: Agency; description: string }>;

export type ConsentScope = keyof typeof CONSENT_SCOPES;

export const isConsentScope = (value: string): value is ConsentScope => Object.hasOwn(CONSENT_SCOPES, value);

/** What a scope covers, as a phrase to put inside a sentence: "which school, class and grade …". */
export const scopePhrase = (scope: ConsentScope): string => {
  const { description } = CONSENT_SCOPES[scope];
  return description[0].toLowerCase() + description.slice(1).replace(/\.$/, '');
};
