import { expect } from 'vitest';
import type { TokenClaims } from '../../dev/dev-identity.ts';
import type { GraphQLResponse, Persona, TestGraph } from './test-graph.ts';
import { recordConsent, type TestChild } from './consent-fixtures.ts';

export const SIP_FIELDS = `id status questions
  familyAnswer { answer note }
  participants { id kind name agency unit title isInitiator }
  closure { reason note closedBy }`;

export const INITIATE = `mutation ($input: InitiateSipInput!) { initiateSip(input: $input) { ${SIP_FIELDS} } }`;
export const ANSWER = `mutation ($sipId: ID!, $answer: FamilyAnswer!, $note: String) { recordFamilyAnswer(sipId:
  $sipId, answer: $answer, note: $note) { id status closure { reason note } } }`;
export const LINK_CONSENT = `mutation ($sipId: ID!, $consentId: ID!) { linkConsent(sipId: $sipId, consentId:
  $consentId) { id consents { id status } } }`;
export const ADD_PARTICIPANT = `mutation ($sipId: ID!, $input: AddParticipantInput!) { addParticipant(sipId: $sipId,
  input: $input) { id kind name agency unit title } }`;
export const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id kind startsAt
  chair { name } secretary { name } invited { id } } }`;
export const HELD = `mutation ($meetingId: ID!, $attendedIds: [ID!]!, $notes: [PlanTextInput!],
  $followUps: [InterventionFollowUpInput!]) { recordMeetingHeld(meetingId: $meetingId, attendedIds: $attendedIds,
  notes: $notes, followUps: $followUps) { id heldAt attended { id } followUps { what outcome changes } } }`;
export const SAVE_PLAN = `mutation ($sipId: ID!, $input: PlanInput!) { savePlanVersion(sipId: $sipId, input: $input) {
  id number fullySigned awaitingSignatureFrom { id } } }`;
export const SIGN = `mutation ($versionId: ID!) { signPlanVersion(versionId: $versionId) { id number fullySigned
  signatures { participant { id } } awaitingSignatureFrom { id } } }`;
export const CLOSE = `mutation ($sipId: ID!, $reason: ClosureReason!, $note: String!) { closeSip(sipId: $sipId,
  reason: $reason, note: $note) { id status closure { reason note } } }`;

/** What initiating a SIP for `childId` as the social worker takes: a question and a unit invited. */
export const sipInput = (childId: string) => ({
  childId,
  questions: ['Hur får barnet en fungerande skolgång?'],
  invitations: [{ agency: 'SCHOOL', unit: 'Ekbackens skola' }],
  initiatorTitle: 'socialsekreterare',
});

export const guardianClaims = (guardianId: string, name = 'Förälder Test'): TokenClaims => ({
  sub: guardianId,
  role: 'guardian',
  name,
});
export const childClaims = (childId: string): TokenClaims => ({ sub: childId, role: 'child', name: 'Testbarn Test' });

/** Staff as the test-graph personas log in, for adding them as participants. */
export const STAFF = {
  counsellor: {
    kind: 'STAFF',
    subject: 'staff-school-ekbacken-1',
    name: 'Karin Kurator',
    agency: 'SCHOOL',
    unit: 'Ekbackens skola',
    title: 'kurator',
  },
  doctor: {
    kind: 'STAFF',
    subject: 'staff-bup-norra-1',
    name: 'Jonas Lind',
    agency: 'HEALTH_CARE',
    unit: 'BUP Norra',
    title: 'läkare',
  },
} as const;

/** Runs a GraphQL operation that must succeed, and returns its data. */
export async function ok<T = Record<string, any>>(
  graph: TestGraph,
  query: string,
  variables: Record<string, unknown>,
  as?: Persona | TokenClaims,
): Promise<T> {
  const response: GraphQLResponse = await graph.query(query, variables, as);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

/** The one error of a refused mutation, as a client sees it. */
export function refusal(response: GraphQLResponse) {
  expect(response.errors).toHaveLength(1);
  const { code, field, reason } = response.errors![0].extensions ?? {};
  return { code, field, reason };
}

export interface ActiveSip {
  sipId: string;
  consentId: string;
  /** Participant ids by who they are. */
  ids: { socialWorker: string; guardians: string[]; counsellor: string; doctor: string };
}

/**
 * A SIP for `child` initiated by the social worker, agreed by the family, with a consent for its
 * participants recorded in it (by default for the three scopes of today's Child fields), and the
 * school counsellor and BUP doctor taking part.
 */
/** The units a test SIP invites unless it names others: the school and BUP. */
const SCHOOL_AND_BUP = [
  { agency: 'SCHOOL', unit: 'Ekbackens skola' },
  { agency: 'HEALTH_CARE', unit: 'BUP Norra' },
];

/** Starts a SIP for `childId` as the social worker, inviting `invitations`; what initiateSip answered. */
export async function initiateTestSip(
  graph: TestGraph,
  childId: string,
  invitations: Array<{ agency: string; unit: string; answerWithinDays?: number }> = SCHOOL_AND_BUP,
) {
  const { initiateSip } = await ok(graph, INITIATE, {
    input: {
      childId,
      questions: ['Hur får Testbarn en fungerande skolgång?'],
      invitations,
      initiatorTitle: 'socialsekreterare',
    },
  });
  return initiateSip;
}

export async function activeSip(
  graph: TestGraph,
  child: TestChild,
  consent: { validFrom: string; validUntil: string; scopes?: string[] },
): Promise<ActiveSip> {
  const initiateSip = await initiateTestSip(graph, child.id);
  const sipId = initiateSip.id;
  await ok(graph, ANSWER, { sipId, answer: 'AGREED' });
  const counsellor = (await ok(graph, ADD_PARTICIPANT, { sipId, input: STAFF.counsellor })).addParticipant.id;
  const doctor = (await ok(graph, ADD_PARTICIPANT, { sipId, input: STAFF.doctor })).addParticipant.id;
  // Recorded on the family's written word, in the SIP, for its participants: by the counsellor, since
  // the social worker who started the SIP may not also record its consent (four eyes).
  const consentId = await recordConsent(
    graph,
    {
      sipId,
      childId: child.id,
      guardianIds: child.custodianIds,
      scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS'],
      recipients: { sipParticipants: true },
      ...consent,
    },
    'school counsellor',
  );
  const participants: Array<{ id: string; kind: string; isInitiator: boolean }> = initiateSip.participants;
  return {
    sipId,
    consentId,
    ids: {
      socialWorker: participants.find((p) => p.isInitiator)!.id,
      guardians: participants.filter((p) => p.kind === 'GUARDIAN').map((p) => p.id),
      counsellor,
      doctor,
    },
  };
}

/** A valid plan naming `coordinatorId`, to be varied by tests. */
export function planInput(coordinatorId: string, followUpOn: string) {
  return {
    needs: [{ text: 'Testbarn behöver en trygg skoldag.', category: 'SHARED' }],
    goals: [
      {
        term: 'SHORT',
        description: 'Närvaro minst 80 % till jul.',
        measure: 'Skolans närvarorapport',
        category: 'SHARED',
      },
      {
        term: 'LONG',
        description: 'Full närvaro och godkända betyg i årskurs 9.',
        measure: 'Betyg och närvaro',
        category: 'SHARED',
      },
    ],
    interventions: [
      {
        what: 'Samtal med kurator',
        agency: 'SCHOOL',
        category: 'SHARED',
        unit: 'Ekbackens skola',
        responsiblePerson: 'Karin Kurator',
        frequency: 'varje vecka',
        startsOn: '2026-12-01',
        endsOn: '2027-06-15',
        location: 'Ekbackens skola',
        evaluationMethod: 'Samtal med Testbarn och vårdnadshavare',
        evaluatedBy: 'Karin Kurator',
      },
    ],
    familyActions: ['Föräldrarna följer Testbarn till skolan på måndagar.'],
    disagreements: [],
    coordinatorId,
    coordinatorPhone: '010-123 45 67',
    coordinatorEmail: 'eva.sundberg@kommun.example',
    followUpOn,
    followUpHow: 'Uppföljningsmöte med alla parter.',
  };
}
