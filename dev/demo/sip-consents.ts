import { AGENCIES } from '../../policy/agencies.ts';
import { demoCohort } from './cohort.ts';
import { demoChildren as c, demoGuardians as g, demoRecordIds, demoStaff } from './people.ts';
import { CONSENT_SCOPES } from '../../policy/scopes.ts';
import { demoConsentId, demoSipId } from './sip-ids.ts';

const DAY = 24 * 60 * 60 * 1000;
const ALL_AGENCIES = AGENCIES;

/**
 * Fictional consents, one situation per family, dated around `now` so the demo stays current.
 * Families gave theirs in the app, to the people taking part in their SIP: Alva's parents each
 * gave their word (Maria first, Johan joined the next day), Elias his own (16), Saga's mother
 * later withdrew hers. Noah's only custodian told the social worker in the SIP meeting, who
 * recorded it (marked for review). Wilma's expired; Leo's names two units but only one of his two
 * custodians gave it; Ebbe and Juni have none. Hedda's mother named her school; it stops counting
 * on Hedda's 18th birthday, three weeks on, when Hedda is asked for her own (consentsToRenew).
 */
export interface DemoConsent {
  id: string;
  childId: string;
  guardianIds: string[];
  givenByChild: boolean;
  form: 'WRITTEN' | 'ORAL' | 'IN_APP';
  scopes: string[];
  agencies: Array<(typeof ALL_AGENCIES)[number]>;
  toSipParticipants: boolean;
  namedRecipients: Array<{ agency: string; unit: string; subject: string | null; name: string | null }>;
  purpose: string;
  validFrom: Date;
  validUntil: Date;
  recordedBy: string;
  recordedByAgency: 'SOCIAL_SERVICES' | null;
  recordedInSipId: string | null;
  recordedAt: Date;
  replacesId?: string;
  withdrawal?: { withdrawnAt: Date; withdrawnBy: string; reason: string };
}

const PURPOSE = 'SIP: samordning av stöd i skola, socialtjänst och vård';

/** Given by a guardian or the child in the family's app, to the people taking part in the SIP. */
const inApp = (recordedBy: string) => ({
  form: 'IN_APP' as const,
  purpose: PURPOSE,
  agencies: [],
  toSipParticipants: true,
  namedRecipients: [],
  recordedBy,
  recordedByAgency: null,
  recordedInSipId: null,
  givenByChild: false,
});

export function demoConsents(now: Date): DemoConsent[] {
  const days = (n: number) => new Date(now.getTime() + n * DAY);
  const alva = {
    childId: c.alva.id,
    scopes: ['SCHOOL_ENROLMENT', 'SCHOOL_ATTENDANCE', 'SCHOOL_SUPPORT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS'],
    validFrom: days(-31),
    validUntil: days(335),
  };
  return [
    {
      ...inApp(g.mariaLindqvist.id),
      ...alva,
      id: demoConsentId(1),
      guardianIds: [g.mariaLindqvist.id],
      recordedAt: days(-31),
    },
    {
      ...inApp(g.johanLindqvist.id),
      ...alva,
      id: demoConsentId(11),
      guardianIds: [g.mariaLindqvist.id, g.johanLindqvist.id],
      recordedAt: days(-30),
      replacesId: demoConsentId(1),
    },
    {
      ...inApp(c.elias.id),
      id: demoConsentId(2),
      childId: c.elias.id,
      guardianIds: [],
      givenByChild: true,
      scopes: ['SCHOOL_ENROLMENT', 'HEALTH_CARE_CONTACTS'],
      validFrom: days(-45),
      validUntil: days(180),
      recordedAt: days(-45),
    },
    {
      ...inApp(demoStaff.socialWorker.subject),
      id: demoConsentId(3),
      childId: c.noah.id,
      guardianIds: [g.annaKarlsson.id],
      form: 'ORAL',
      recordedByAgency: 'SOCIAL_SERVICES',
      recordedInSipId: demoSipId(3),
      scopes: ['SCHOOL_ENROLMENT', 'HEALTH_CARE_CONTACTS', 'SOCIAL_CASE'],
      validFrom: days(-12),
      validUntil: days(120),
      recordedAt: days(-12),
    },
    {
      ...inApp(g.lenaEk.id),
      id: demoConsentId(4),
      childId: c.wilma.id,
      guardianIds: [g.lenaEk.id],
      scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS'],
      validFrom: days(-400),
      validUntil: days(-35),
      recordedAt: days(-400),
    },
    {
      ...inApp(g.raniaHaddad.id),
      id: demoConsentId(5),
      childId: c.leo.id,
      guardianIds: [g.raniaHaddad.id],
      scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS'],
      toSipParticipants: false,
      namedRecipients: [
        { agency: 'HEALTH_CARE', unit: 'BUP Norra', subject: null, name: null },
        { agency: 'SCHOOL', unit: 'Solrosens skola', subject: null, name: null },
      ],
      validFrom: days(-5),
      validUntil: days(360),
      recordedAt: days(-5),
    },
    {
      ...inApp(g.karinHolm.id),
      id: demoConsentId(6),
      childId: c.saga.id,
      guardianIds: [g.karinHolm.id],
      scopes: ['SCHOOL_ENROLMENT', 'HEALTH_CARE_CONTACTS'],
      validFrom: days(-90),
      validUntil: days(275),
      recordedAt: days(-90),
      withdrawal: {
        withdrawnAt: days(-7),
        withdrawnBy: g.karinHolm.id,
        reason: 'Vill inte längre att uppgifter delas.',
      },
    },
    {
      ...inApp(g.evaStrand.id),
      id: demoConsentId(7),
      childId: c.hedda.id,
      guardianIds: [g.evaStrand.id],
      scopes: ['HEALTH_CARE_CONTACTS'],
      toSipParticipants: false,
      agencies: ['SCHOOL'],
      validFrom: days(-90),
      validUntil: days(275),
      recordedAt: days(-90),
    },
  ];
}

/**
 * The cohort's consents, by each child's situation: every category, none, expired, withdrawn, or school and care
 * contacts only. The cohort has no SIPs: their families chose the broader option, whole agencies as recipients.
 */
export function cohortConsents(now: Date): DemoConsent[] {
  const days = (n: number) => new Date(now.getTime() + n * DAY);
  return demoCohort.flatMap((child): DemoConsent[] => {
    if (child.consent === 'NONE') return [];
    const base = {
      id: demoConsentId(100 + child.index),
      childId: child.id,
      guardianIds: child.guardians.map(({ guardian }) => guardian.id),
      ...inApp(child.guardians[0].guardian.id),
      scopes: Object.keys(CONSENT_SCOPES),
      toSipParticipants: false,
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

/**
 * Fictional blocks: Noah's mother keeps his care contacts from his school; Saga's mother blocked
 * her care contacts for a month and lifted the block.
 */
export function demoBlocks(now: Date) {
  const days = (n: number) => new Date(now.getTime() + n * DAY);
  const block = (n: number) => `77777777-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    blocks: [
      {
        id: block(1),
        childId: c.noah.id,
        scopes: ['HEALTH_CARE_CONTACTS'],
        fromUnits: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }],
        reason: 'Skolan behöver inte veta om habiliteringen.',
        givenBy: g.annaKarlsson.id,
        recordedBy: g.annaKarlsson.id,
        placedAt: days(-10),
      },
      {
        id: block(2),
        childId: c.saga.id,
        scopes: ['HEALTH_CARE_CONTACTS'],
        fromUnits: [],
        givenBy: g.karinHolm.id,
        recordedBy: g.karinHolm.id,
        placedAt: days(-60),
      },
      {
        id: block(3),
        childId: c.leo.id,
        scopes: ['HEALTH_DIAGNOSES'],
        fromUnits: [],
        reason: 'Den diagnosen berättar vi om själva.',
        givenBy: g.raniaHaddad.id,
        recordedBy: g.raniaHaddad.id,
        placedAt: days(-5),
      },
    ],
    /** Leo's block keeps one record only: his diagnosis. */
    records: [{ blockId: block(3), recordId: demoRecordIds.leoDiagnosis }],
    lifts: [{ blockId: block(2), liftedAt: days(-30), liftedBy: g.karinHolm.id }],
  };
}
