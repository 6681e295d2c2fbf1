import { demoCohort } from './cohort.ts';
import { demoChildren as c, demoGuardians as g } from './people.ts';
import { CONSENT_SCOPES } from '../../policy/scopes.ts';

const DAY = 24 * 60 * 60 * 1000;
const ALL_AGENCIES = ['SCHOOL', 'SOCIAL_SERVICES', 'HEALTH_CARE'] as const;
export const demoConsentId = (n: number) => `33333333-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Fictional consents, one situation per family, dated around `now` so the demo stays current:
 * Alva full (both parents), Elias his own (16), Noah from his only custodian, Wilma expired,
 * Leo only one of two custodians, Saga withdrawn; Ebbe and Juni none.
 */
export interface DemoConsent {
  id: string;
  childId: string;
  guardianIds: string[];
  givenByChild: boolean;
  form: 'WRITTEN' | 'ORAL';
  scopes: string[];
  agencies: Array<(typeof ALL_AGENCIES)[number]>;
  purpose: string;
  validFrom: Date;
  validUntil: Date;
  recordedBy: string;
  recordedByAgency: 'SOCIAL_SERVICES';
  recordedAt: Date;
  withdrawal?: { withdrawnAt: Date; withdrawnBy: string; reason: string };
}

export function demoConsents(now: Date): DemoConsent[] {
  const days = (n: number) => new Date(now.getTime() + n * DAY);
  const base = {
    form: 'WRITTEN' as const,
    purpose: 'SIP: samordning av stöd i skola, socialtjänst och vård',
    recordedBy: 'staff-social-1',
    recordedByAgency: 'SOCIAL_SERVICES' as const,
    givenByChild: false,
  };
  return [
    {
      ...base,
      id: demoConsentId(1),
      childId: c.alva.id,
      guardianIds: [g.mariaLindqvist.id, g.johanLindqvist.id],
      scopes: ['SCHOOL_ENROLMENT', 'SCHOOL_ATTENDANCE', 'SCHOOL_SUPPORT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS'],
      agencies: [...ALL_AGENCIES],
      validFrom: days(-30),
      validUntil: days(335),
      recordedAt: days(-30),
    },
    {
      ...base,
      id: demoConsentId(2),
      childId: c.elias.id,
      guardianIds: [],
      givenByChild: true,
      form: 'ORAL' as const,
      scopes: ['SCHOOL_ENROLMENT', 'HEALTH_CARE_CONTACTS'],
      agencies: ['SCHOOL', 'SOCIAL_SERVICES'] as const,
      validFrom: days(-45),
      validUntil: days(180),
      recordedAt: days(-45),
    },
    {
      ...base,
      id: demoConsentId(3),
      childId: c.noah.id,
      guardianIds: [g.annaKarlsson.id],
      scopes: ['SCHOOL_ENROLMENT', 'HEALTH_CARE_CONTACTS', 'SOCIAL_CASE'],
      agencies: [...ALL_AGENCIES],
      validFrom: days(-60),
      validUntil: days(120),
      recordedAt: days(-60),
    },
    {
      ...base,
      id: demoConsentId(4),
      childId: c.wilma.id,
      guardianIds: [g.lenaEk.id],
      scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS'],
      agencies: [...ALL_AGENCIES],
      validFrom: days(-400),
      validUntil: days(-35),
      recordedAt: days(-400),
    },
    {
      ...base,
      id: demoConsentId(5),
      childId: c.leo.id,
      guardianIds: [g.raniaHaddad.id],
      scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS'],
      agencies: [...ALL_AGENCIES],
      validFrom: days(-5),
      validUntil: days(360),
      recordedAt: days(-5),
    },
    {
      ...base,
      id: demoConsentId(6),
      childId: c.saga.id,
      guardianIds: [g.karinHolm.id],
      scopes: ['SCHOOL_ENROLMENT', 'HEALTH_CARE_CONTACTS'],
      agencies: [...ALL_AGENCIES],
      validFrom: days(-90),
      validUntil: days(275),
      recordedAt: days(-90),
      withdrawal: {
        withdrawnAt: days(-7),
        withdrawnBy: g.karinHolm.id,
        reason: 'Vill inte längre att uppgifter delas.',
      },
    },
  ].map((consent) => ({ ...consent, agencies: [...consent.agencies] }));
}

/**
 * The cohort's consents, by each child's situation: every category, none, expired, withdrawn, or school and care
 * contacts only.
 */
export function cohortConsents(now: Date): DemoConsent[] {
  const days = (n: number) => new Date(now.getTime() + n * DAY);
  return demoCohort.flatMap((child): DemoConsent[] => {
    if (child.consent === 'NONE') return [];
    const base = {
      id: demoConsentId(100 + child.index),
      childId: child.id,
      guardianIds: child.guardians.map(({ guardian }) => guardian.id),
      givenByChild: false,
      form: 'WRITTEN' as const,
      purpose: 'SIP: samordning av stöd i skola, socialtjänst och vård',
      recordedBy: 'staff-social-1',
      recordedByAgency: 'SOCIAL_SERVICES' as const,
      scopes: Object.keys(CONSENT_SCOPES),
      agencies: [...ALL_AGENCIES],
      validFrom: days(-60 - child.index),
      validUntil: days(300),
      recordedAt: days(-60 - child.index),
    };
    switch (child.consent) {
      case 'FULL':
        return [base];
      case 'EXPIRED':
        return [{ ...base, validFrom: days(-400), recordedAt: days(-400), validUntil: days(-child.index - 1) }];
      case 'WITHDRAWN':
        return [
          {
            ...base,
            withdrawal: {
              withdrawnAt: days(-child.index),
              withdrawnBy: base.guardianIds[0],
              reason: 'Familjen vill inte längre att uppgifter delas.',
            },
          },
        ];
      case 'PARTIAL':
        return [
          {
            ...base,
            scopes: ['SCHOOL_ENROLMENT', 'SCHOOL_ATTENDANCE', 'HEALTH_CARE_CONTACTS'],
            agencies: ['SCHOOL', 'HEALTH_CARE'],
          },
        ];
    }
  });
}
