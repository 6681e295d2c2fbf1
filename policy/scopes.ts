import type { Agency } from './agencies.ts';
import type { Words } from './words.ts';

/**
 * The information categories a consent can cover. Every field an agency contributes about a
 * child names one of these in `@consent(scope: …)`; a consent lists the scopes it releases.
 * This catalogue is the vocabulary privacy officers and families read: keep each line plain.
 */
export const CONSENT_SCOPES = {
  SCHOOL_ENROLMENT: {
    agency: 'SCHOOL',
    names: { en: 'School enrolment', sv: 'Skolplacering' },
    descriptions: {
      en: 'Which school, class and grade the child attends, and since when.',
      sv: 'Vilken skola, klass och årskurs barnet går i, och sedan när.',
    },
  },
  SCHOOL_ATTENDANCE: {
    agency: 'SCHOOL',
    names: { en: 'Attendance and absence', sv: 'Närvaro och frånvaro' },
    descriptions: {
      en: 'Attendance and absence (frånvaro) per term, with the reasons given.',
      sv: 'Närvaro och frånvaro per termin, med de skäl som har angetts.',
    },
  },
  SCHOOL_SUPPORT: {
    agency: 'SCHOOL',
    names: { en: 'Extra adaptations and special support', sv: 'Extra anpassningar och särskilt stöd' },
    descriptions: {
      en: 'Extra adaptations (extra anpassningar), special support and action programmes (åtgärdsprogram).',
      sv: 'Extra anpassningar, särskilt stöd och åtgärdsprogram.',
    },
  },
  SCHOOL_HEALTH_TEAM: {
    agency: 'SCHOOL',
    names: { en: 'Student health team', sv: 'Elevhälsan' },
    descriptions: {
      en: 'Contacts with the student health team (elevhälsan): school nurse, counsellor, psychologist.',
      sv: 'Kontakter med elevhälsan: skolsköterska, kurator, psykolog.',
    },
  },
  SOCIAL_CASE: {
    agency: 'SOCIAL_SERVICES',
    names: { en: 'Social services case', sv: 'Ärende hos socialtjänsten' },
    descriptions: {
      en: 'That a social services case is open, its number and the handling officer (handläggare).',
      sv: 'Att barnet har ett öppet ärende hos socialtjänsten, ärendets nummer och handläggaren.',
    },
  },
  SOCIAL_INTERVENTIONS: {
    agency: 'SOCIAL_SERVICES',
    names: { en: 'Interventions (SoL/LSS)', sv: 'Insatser (SoL/LSS)' },
    descriptions: {
      en: 'Decided interventions (insatser) under SoL or LSS, with start, end and provider.',
      sv: 'Beslutade insatser enligt SoL eller LSS, med start, slut och utförare.',
    },
  },
  SOCIAL_CASE_NOTES: {
    agency: 'SOCIAL_SERVICES',
    names: { en: 'Investigations', sv: 'Utredningar' },
    descriptions: {
      en: 'Investigation notes and assessments in the case.',
      sv: 'Anteckningar och bedömningar i utredningen av ärendet.',
    },
  },
  SOCIAL_PLACEMENTS: {
    agency: 'SOCIAL_SERVICES',
    names: { en: 'Placements', sv: 'Placeringar' },
    descriptions: {
      en: 'Out-of-home placements, contact persons and contact families.',
      sv: 'Placeringar utanför hemmet, kontaktpersoner och kontaktfamiljer.',
    },
  },
  HEALTH_CARE_CONTACTS: {
    agency: 'HEALTH_CARE',
    names: { en: 'Care contacts', sv: 'Vårdkontakter' },
    descriptions: {
      en: 'Which care units (BUP, habilitering, vårdcentral, paediatrics) the child is in contact with.',
      sv: 'Vilka vårdenheter (BUP, habilitering, vårdcentral, barnsjukvård) barnet har kontakt med.',
    },
  },
  HEALTH_DIAGNOSES: {
    agency: 'HEALTH_CARE',
    names: { en: 'Diagnoses', sv: 'Diagnoser' },
    descriptions: {
      en: 'Diagnoses (ICD-10 code and text).',
      sv: 'Diagnoser (ICD-10-kod och text).',
    },
  },
  HEALTH_MEDICATION: {
    agency: 'HEALTH_CARE',
    names: { en: 'Treatments and medication', sv: 'Behandlingar och läkemedel' },
    descriptions: {
      en: 'Ongoing treatments and medications.',
      sv: 'Pågående behandlingar och läkemedel.',
    },
  },
  HEALTH_REFERRALS: {
    agency: 'HEALTH_CARE',
    names: { en: 'Referrals', sv: 'Remisser' },
    descriptions: {
      en: 'Referrals (remisser) between care units.',
      sv: 'Remisser mellan vårdenheter.',
    },
  },
} as const satisfies Record<string, { agency: Agency; names: Words; descriptions: Words }>;

export type ConsentScope = keyof typeof CONSENT_SCOPES;

export const isConsentScope = (value: string): value is ConsentScope => Object.hasOwn(CONSENT_SCOPES, value);

/** What a scope covers, as a phrase to put inside a sentence: "which school, class and grade …". */
export const scopePhrase = (scope: ConsentScope): string => {
  const description = CONSENT_SCOPES[scope].descriptions.en;
  return description[0].toLowerCase() + description.slice(1).replace(/\.$/, '');
};
