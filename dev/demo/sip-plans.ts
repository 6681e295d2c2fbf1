import type { Prisma } from '../../prisma/sip/client/client.ts';
import {
  demoChildren as c,
  demoGuardians as g,
  demoRecordIds,
  demoStaff,
  type DemoGuardian,
  type DemoStaff,
} from './people.ts';
import { demoConsentId, demoParticipantId as participantId, demoSipId } from './sip-ids.ts';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const staff = (sip: number, n: number, person: DemoStaff, isInitiator = false) => ({
  id: participantId(sip, n),
  kind: 'STAFF' as const,
  subject: person.subject,
  name: person.name,
  agency: person.agency,
  unit: person.unit,
  title: person.title,
  email: person.email,
  isInitiator,
});
const guardian = (sip: number, n: number, person: DemoGuardian) => ({
  id: participantId(sip, n),
  kind: 'GUARDIAN' as const,
  subject: person.id,
  name: `${person.givenName} ${person.familyName}`,
  title: 'vårdnadshavare',
});

type DemoParticipant = Omit<Prisma.SipParticipantCreateWithoutSipInput, 'addedAt'> & { id: string };

const counsellingIntervention = (startsOn: Date) => ({
  position: 0,
  what: 'Stödsamtal med kurator',
  agency: 'SCHOOL' as const,
  category: 'SCHOOL_HEALTH_TEAM',
  unit: 'Ekbackens skola',
  responsiblePerson: 'Karin Kurator',
  frequency: 'en gång i veckan',
  startsOn,
  endsOn: null,
  location: 'Ekbackens skola',
  evaluationMethod: 'Samtal med barnet och vårdnadshavarna vid uppföljningen',
  evaluatedBy: 'Karin Kurator',
});
const bupIntervention = (startsOn: Date) => ({
  position: 1,
  what: 'Utredning och behandlingskontakt på BUP',
  agency: 'HEALTH_CARE' as const,
  category: 'HEALTH_CARE_CONTACTS',
  unit: 'BUP Norra',
  responsiblePerson: 'Jonas Lind',
  frequency: 'varannan vecka',
  startsOn,
  endsOn: null,
  location: 'BUP Norra',
  evaluationMethod: 'Skattningsskalor före och efter',
  evaluatedBy: 'Jonas Lind',
});
const familySupport = (startsOn: Date, endsOn: Date) => ({
  position: 2,
  what: 'Föräldraskapsstöd (SoL)',
  agency: 'SOCIAL_SERVICES' as const,
  category: 'SOCIAL_INTERVENTIONS',
  unit: 'Barn och familj',
  responsiblePerson: 'Eva Sundberg',
  frequency: 'varannan vecka',
  startsOn,
  endsOn,
  location: 'Familjecentralen',
  evaluationMethod: 'Uppföljningssamtal med föräldrarna',
  evaluatedBy: 'Eva Sundberg',
  agencyRecordId: demoRecordIds.alvaParentingSupport,
});
/** A plan's needs or a meeting's notes: [text, category, kept from the guardians?]. */
const entries = (...texts: Array<[string, string, boolean?]>) => ({
  create: texts.map(([text, category, keptFromGuardians = false], position) => ({
    position,
    text,
    category,
    keptFromGuardians,
  })),
});

const goals = (child: string) => [
  {
    position: 0,
    term: 'SHORT' as const,
    description: `${child} är i skolan minst fyra dagar i veckan`,
    measure: 'Skolans närvarorapport varje månad',
  },
  {
    position: 1,
    term: 'LONG' as const,
    description: `${child} har en fungerande skolgång och vardag`,
    measure: 'Närvaro, betyg och barnets egen bedömning',
  },
];

/**
 * Demo SIPs, one per stage of the process, dated around `now`:
 * Alva's plan is signed by all and its follow-up is coming up (coordinator: the social worker);
 * Elias (16) has version 2 after a follow-up, still to be signed by him and the doctor (coordinator: the BUP doctor);
 * Noah's SIP meeting is booked for next week, with the consent linked (coordinator: the school counsellor);
 * Leo's family has not answered yet, the pre-meeting with them is booked;
 * Wilma's follow-up is overdue and her consent has expired; Saga's SIP closed when her mother
 * withdrew consent; Ebbe's family declined a SIP.
 */
export function demoSips(now: Date): Prisma.SipCreateInput[] {
  const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * HOUR);
  const date = (days: number) => new Date(at(days).toISOString().slice(0, 10) + 'T00:00:00Z');
  const { counsellor, socialWorker, doctor, nurse } = demoStaff;
  const link = (consent: number, days: number) => ({
    consent: { connect: { id: demoConsentId(consent) } },
    linkedAt: at(days),
    linkedBy: socialWorker.subject,
  });
  const coordinator = {
    coordinatorPhone: '010-123 45 67',
    followUpHow: 'Uppföljningsmöte med alla parter och familjen.',
  };
  const child = (id: string) => ({ connect: { id } });
  // Invited when the SIP was opened, to answer within five days.
  const invitations = (days: number, ...units: DemoStaff[]) => ({
    create: units.map(({ agency, unit }) => ({ agency, unit, invitedAt: at(days), answerBy: at(days + 5) })),
  });
  const participants = (list: DemoParticipant[], days: number) => ({
    create: list.map((p) => ({ ...p, addedAt: at(days) })),
  });
  const meetingParticipants = (ids: string[], attended: string[] | null) => ({
    create: ids.map((id) => ({
      participant: { connect: { id } },
      invited: true,
      attended: attended && attended.includes(id),
    })),
  });

  const alva = [
    staff(1, 1, socialWorker, true),
    guardian(1, 2, g.mariaLindqvist),
    guardian(1, 3, g.johanLindqvist),
    staff(1, 4, counsellor),
    staff(1, 5, doctor),
  ];
  const elias: DemoParticipant[] = [
    staff(2, 1, counsellor, true),
    guardian(2, 2, g.saraBerg),
    { id: participantId(2, 3), kind: 'CHILD', subject: c.elias.id, name: 'Elias Berg', title: 'huvudperson' },
    staff(2, 4, doctor),
    staff(2, 5, socialWorker),
  ];
  const noah = [
    staff(3, 1, counsellor, true),
    guardian(3, 2, g.annaKarlsson),
    staff(3, 3, socialWorker),
    staff(3, 4, doctor),
  ];
  const wilma = [staff(5, 1, socialWorker, true), guardian(5, 2, g.lenaEk), staff(5, 3, counsellor)];
  const sipMeeting = (
    sip: number,
    days: number,
    list: Array<{ id: string }>,
    chair: number,
    secretary: number,
    held: boolean,
    notes: Array<[string, string, boolean?]> = [],
  ) => ({
    id: uuid('66666666', sip * 10 + 1),
    kind: 'SIP_MEETING' as const,
    startsAt: at(days),
    endsAt: at(days, 1.5),
    mode: 'IN_PERSON' as const,
    place: 'Familjecentralen, Storgatan 1',
    chairId: participantId(sip, chair),
    secretaryId: participantId(sip, secretary),
    scheduledAt: at(days - 14),
    scheduledBy: socialWorker.subject,
    heldAt: held ? at(days, 2) : null,
    notes: entries(...notes),
    participants: meetingParticipants(
      list.map((p) => p.id),
      held ? list.map((p) => p.id) : null,
    ),
  });

  return [
    {
      id: demoSipId(1),
      child: child(c.alva.id),
      questions: ['Hur kan Alva komma tillbaka till skolan?', 'Vilket stöd behöver familjen hemma?'],
      initiatedAt: at(-40),
      familyAnswer: 'AGREED',
      familyAnsweredAt: at(-31),
      familyAnsweredBy: socialWorker.subject,
      wishedPlace: 'Gärna på familjecentralen',
      wishedBreaks: 'En paus efter 45 minuter',
      notesDelivery: 'Med post',
      invitations: invitations(-40, counsellor, doctor),
      participants: participants(alva, -40),
      consentLinks: { create: [link(1, -31), link(11, -30)] },
      meetings: {
        create: [sipMeeting(1, -20, alva, 1, 4, true, [['Alla parter närvarade. Planen upprättades.', 'SHARED']])],
      },
      versions: {
        create: [
          {
            number: 1,
            createdAt: at(-19),
            createdBy: socialWorker.subject,
            meeting: { connect: { id: uuid('66666666', 11) } },
            // The diagnosis is health care's to share: Alva's consent does not cover it, so the school
            // and social services do not see that need (policy/plan-content.ts).
            needs: entries(
              ['Alva har hög frånvaro sedan i våras och mår dåligt på morgnarna.', 'SCHOOL_ATTENDANCE'],
              ['Alva har fått diagnosen depression (F32.1) och behöver behandling.', 'HEALTH_DIAGNOSES'],
              ['Föräldrarna behöver stöd i hur de kan hjälpa Alva.', 'SHARED'],
            ),
            familyActions: ['Föräldrarna följer Alva till skolan på måndagar.'],
            disagreements: [],
            coordinatorId: participantId(1, 1),
            coordinatorEmail: 'eva.sundberg@kommun.example',
            ...coordinator,
            followUpOn: date(40),
            endCriteria: 'När Alva har full närvaro under en termin.',
            goals: { create: goals('Alva') },
            interventions: {
              create: [
                counsellingIntervention(date(-18)),
                bupIntervention(date(-10)),
                familySupport(date(-18), date(160)),
              ],
            },
            signatures: {
              create: alva.map((p, i) => ({ participant: { connect: { id: p.id } }, signedAt: at(-19, i) })),
            },
          },
        ],
      },
    },
    {
      id: demoSipId(2),
      child: child(c.elias.id),
      questions: ['Hur får Elias stöd med sin oro i skolan?'],
      initiatedAt: at(-50),
      familyAnswer: 'AGREED',
      familyAnsweredAt: at(-45),
      familyAnsweredBy: c.elias.id,
      invitations: invitations(-50, doctor, socialWorker),
      participants: participants(elias, -50),
      consentLinks: { create: [link(2, -45)] },
      meetings: {
        create: [
          sipMeeting(2, -40, elias, 1, 4, true),
          {
            ...sipMeeting(2, -3, elias, 4, 1, true, [
              ['Uppföljning: kurator-samtalen fungerar, BUP tar över samordningen.', 'SHARED'],
              // Elias (16) asked that his parents not see this (policy/young-persons-sphere.ts).
              [
                'Elias vill själv berätta för sina föräldrar om kontakten med ungdomsmottagningen.',
                'HEALTH_CARE_CONTACTS',
                true,
              ],
            ]),
            id: uuid('66666666', 22),
            kind: 'FOLLOW_UP',
          },
        ],
      },
      versions: {
        create: [1, 2].map((number) => ({
          number,
          createdAt: number === 1 ? at(-39) : at(-2),
          createdBy: counsellor.subject,
          meeting: { connect: { id: uuid('66666666', 20 + number) } },
          needs: entries(['Elias har svårt att gå till skolan på grund av oro.', 'SHARED']),
          familyActions: ['Elias för dagbok över sin oro.'],
          disagreements:
            number === 2 ? ['Elias vill gå ner i tid i skolan; skolan vill vänta till nästa uppföljning.'] : [],
          coordinatorId: participantId(2, number === 1 ? 1 : 4),
          coordinatorEmail: number === 1 ? 'karin.kurator@skola.example' : 'jonas.lind@region.example',
          ...coordinator,
          followUpOn: number === 1 ? date(-5) : date(60),
          goals: { create: goals('Elias') },
          interventions: {
            create:
              number === 1
                ? [counsellingIntervention(date(-35))]
                : [counsellingIntervention(date(-35)), bupIntervention(date(1))],
          },
          signatures: {
            create: (number === 1
              ? elias
              : elias.filter((p) => p.subject !== c.elias.id && p.subject !== doctor.subject)
            ).map((p, i) => ({ participant: { connect: { id: p.id } }, signedAt: at(number === 1 ? -39 : -2, i) })),
          },
        })),
      },
    },
    {
      id: demoSipId(3),
      child: child(c.noah.id),
      questions: ['Hur kan skola, BUP och socialtjänst samordna stödet till Noah?'],
      initiatedAt: at(-14),
      familyAnswer: 'AGREED',
      familyAnsweredAt: at(-12),
      familyAnsweredBy: g.annaKarlsson.id,
      wishedTime: 'Eftermiddagar efter 14',
      interpreterLanguage: 'arabiska',
      // Vårdcentralen Norr has not answered yet: its invitation waits, overdue, in Sofia Ström's inbox.
      invitations: invitations(-14, socialWorker, doctor, nurse),
      participants: participants(noah, -14),
      consentLinks: { create: [link(3, -12)] },
      meetings: { create: [sipMeeting(3, 5, noah, 1, 3, false)] },
    },
    {
      id: demoSipId(4),
      child: child(c.leo.id),
      questions: ['Behöver Leo stöd från fler än skolan?'],
      initiatedAt: at(-2),
      invitations: invitations(-2, counsellor),
      participants: participants(
        [staff(4, 1, socialWorker, true), guardian(4, 2, g.raniaHaddad), guardian(4, 3, g.omarHaddad)],
        -2,
      ),
      meetings: {
        create: [
          {
            id: uuid('66666666', 41),
            kind: 'FAMILY_PRE_MEETING',
            startsAt: at(2),
            endsAt: at(2, 1),
            mode: 'PHONE',
            chairId: participantId(4, 1),
            scheduledAt: at(-2),
            scheduledBy: socialWorker.subject,
            participants: meetingParticipants([participantId(4, 1), participantId(4, 2), participantId(4, 3)], null),
          },
        ],
      },
    },
    {
      id: demoSipId(5),
      child: child(c.wilma.id),
      questions: ['Hur får Wilma stöd efter flytten?'],
      initiatedAt: at(-400),
      familyAnswer: 'AGREED',
      familyAnsweredAt: at(-399),
      familyAnsweredBy: g.lenaEk.id,
      invitations: invitations(-400, counsellor),
      participants: participants(wilma, -400),
      consentLinks: { create: [link(4, -399)] },
      meetings: { create: [sipMeeting(5, -390, wilma, 1, 3, true)] },
      versions: {
        create: [
          {
            number: 1,
            createdAt: at(-389),
            createdBy: socialWorker.subject,
            meeting: { connect: { id: uuid('66666666', 51) } },
            needs: entries(['Wilma behöver en trygg start i den nya skolan.', 'SHARED']),
            familyActions: [],
            disagreements: [],
            coordinatorId: participantId(5, 1),
            coordinatorEmail: 'eva.sundberg@kommun.example',
            ...coordinator,
            followUpOn: date(-30),
            goals: { create: goals('Wilma') },
            interventions: { create: [counsellingIntervention(date(-385))] },
            signatures: {
              create: wilma.map((p, i) => ({ participant: { connect: { id: p.id } }, signedAt: at(-389, i) })),
            },
          },
        ],
      },
    },
    {
      id: demoSipId(6),
      child: child(c.saga.id),
      questions: ['Hur kan Saga få stöd i skolan och hos BUP?'],
      initiatedAt: at(-95),
      familyAnswer: 'AGREED',
      familyAnsweredAt: at(-90),
      familyAnsweredBy: g.karinHolm.id,
      invitations: invitations(-95, doctor),
      participants: participants(
        [staff(6, 1, counsellor, true), guardian(6, 2, g.karinHolm), staff(6, 3, doctor)],
        -95,
      ),
      consentLinks: { create: [link(6, -90)] },
      closedAt: at(-7),
      closureReason: 'CONSENT_WITHDRAWN',
      closureNote: `Consent ${demoConsentId(6)} was withdrawn: Vill inte längre att uppgifter delas.`,
      closedBy: g.karinHolm.id,
    },
    {
      id: demoSipId(7),
      child: child(c.ebbe.id),
      questions: ['Behöver Ebbe samordnat stöd?'],
      initiatedAt: at(-30),
      familyAnswer: 'DECLINED',
      familyAnswerNote: 'Familjen får det stöd de behöver via skolan.',
      familyAnsweredAt: at(-25),
      familyAnsweredBy: socialWorker.subject,
      invitations: invitations(-30, counsellor),
      participants: participants([staff(7, 1, socialWorker, true), guardian(7, 2, g.lenaEk)], -30),
      closedAt: at(-25),
      closureReason: 'FAMILY_DECLINED',
      closureNote: 'The family declined a SIP: Familjen får det stöd de behöver via skolan.',
      closedBy: socialWorker.subject,
    },
  ];
}
