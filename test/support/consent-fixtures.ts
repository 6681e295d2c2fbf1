import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { toEpisodeOfCare } from '../../subgraphs/health/fhir/care-resources.ts';
import { writeCaseRecords } from './case-records.ts';
import { writeCareRecords } from './health-records.ts';
import { writeStudentRecords } from './school-records.ts';
import { luhnCheckDigit } from '../../subgraphs/sip/consent-authority/children/personnummer.ts';
import { DEMO_PERSONAS, type TokenClaims } from '../../dev/dev-identity.ts';
import type { Persona, TestGraph } from './test-graph.ts';

/** A clock tests move by hand; the whole graph reads it. */
export function settableClock(iso: string) {
  let now = new Date(iso);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set: (to: string | Date) => void (now = new Date(to)),
  });
}

let serial = 100;

/** A valid personnummer with a serial no demo person uses, for a child born on `date` (YYYYMMDD). */
export function testPersonnummer(date: string): string {
  const s = String(serial++ % 1000).padStart(3, '0');
  return `${date}-${s}${luhnCheckDigit(date.slice(2) + s)}`;
}

export interface TestChild {
  id: string;
  custodianIds: string[];
}

/**
 * Registers a child born on `born` (YYYYMMDD) with `custodians` guardians with custody, through the
 * graph: first into the population register (as the municipality's Navet integration would), then
 * `registerChild`, each time by a registrar of their own (a lookup by personnummer is limited per hour).
 */
export async function registerTestChild(
  graph: TestGraph,
  options: { born: string; custodians: 1 | 2 },
): Promise<TestChild> {
  const digits = (personnummer: string) => personnummer.replace('-', '');
  const guardians = Array.from({ length: options.custodians }, (_, i) => ({
    personnummer: digits(testPersonnummer(`1980010${i + 1}`)),
    givenName: `Förälder${i + 1}`,
    familyName: 'Test',
  }));
  const personnummer = testPersonnummer(options.born);
  await (graph.subgraphs.sip.prisma as any).populationRecord.createMany({
    data: [
      ...guardians,
      {
        personnummer: digits(personnummer),
        givenName: 'Testbarn',
        familyName: 'Test',
        guardians: guardians.map((guardian) => ({ personnummer: guardian.personnummer, hasCustody: true })),
      },
    ],
    skipDuplicates: true,
  });
  const registrar = { ...DEMO_PERSONAS['social worker'], sub: `registrar-${personnummer}` };
  const registered = await graph.query(
    `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { id guardians { guardian { id } } } }`,
    { input: { personnummer } },
    registrar,
  );
  expect(registered.errors).toBeUndefined();
  const child = registered.data!.registerChild;
  return { id: child.id, custodianIds: child.guardians.map((g: { guardian: { id: string } }) => g.guardian.id) };
}

/** The social worker who handles a test child's open case, as the case system knows her. */
export const TEST_CASE_OFFICER = { subject: 'staff-social-test-1', name: 'Test Handläggare' } as const;

/**
 * Registers a child and gives them records in all three agencies' own databases: a school
 * placement, an open social case, a care contact.
 */
export async function childWithRecords(
  graph: TestGraph,
  options: { born: string; custodians: 1 | 2 },
): Promise<TestChild> {
  const child = await registerTestChild(graph, options);
  const childId = child.id;
  const start = new Date('2020-01-01T00:00:00Z');
  await writeStudentRecords(graph, [
    {
      childId,
      enrolments: [
        {
          schoolName: 'Testskolan',
          schoolUnitCode: '49999999',
          className: '7T',
          grade: 7,
          mentor: null,
          startDate: start,
        },
      ],
    },
  ]);
  await writeCaseRecords(graph, [childId], (personnummer) => ({
    cases: [
      {
        id: randomUUID(),
        personnummer,
        caseNumber: `SOC-TEST-${childId.slice(0, 8)}`,
        openedAt: start,
        handlingOfficer: TEST_CASE_OFFICER.name,
        handlingOfficerId: TEST_CASE_OFFICER.subject,
      },
    ],
  }));
  await writeCareRecords(graph, [childId], (patientId) => [
    toEpisodeOfCare(undefined, patientId, { unitName: 'BUP Test', unitType: 'BUP', startDate: start }),
  ]);
  return child;
}

export interface ConsentInput {
  childId: string;
  guardianIds?: string[];
  givenByChild?: boolean;
  scopes: string[];
  /** Whole agencies as recipients (the family's broader choice); or `recipients` in full. */
  agencies?: string[];
  recipients?: { sipParticipants?: boolean; named?: unknown[]; wholeAgencies?: string[] };
  validFrom: string;
  validUntil: string;
  replacesConsentId?: string;
}

const recipientsOf = ({ agencies, recipients }: ConsentInput) =>
  recipients ?? { sipParticipants: false, wholeAgencies: agencies ?? [] };

export const RECORD_CONSENT = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id status } }`;
export const GIVE_CONSENT = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id status } }`;

/**
 * The family gives a consent in their app: each guardian in `guardianIds` in turn (the first gives
 * it, each next one joins it as a new version), or the child from 15. Returns the last version's
 * id; fails the test if any step is refused.
 */
export async function giveConsent(graph: TestGraph, input: ConsentInput & { sipId?: string }): Promise<string> {
  const { guardianIds = [], givenByChild = false, agencies: _, recipients: __, ...terms } = input;
  const givers: TokenClaims[] = [
    ...guardianIds.map((id): TokenClaims => ({ sub: id, role: 'guardian', name: 'Förälder Test' })),
    ...(givenByChild ? [{ sub: input.childId, role: 'child', name: 'Testbarn Test' }] : []),
  ];
  expect(givers.length, 'someone in the family gives it').toBeGreaterThan(0);
  let id = input.replacesConsentId;
  for (const giver of givers) {
    const response = await graph.query(
      GIVE_CONSENT,
      {
        input: {
          purpose: 'SIP',
          ...terms,
          recipients: recipientsOf(input),
          ...(id !== undefined && { replacesConsentId: id }),
        },
      },
      giver,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    id = response.data!.giveConsent.id as string;
  }
  return id!;
}

/** Staff taking part in the SIP record the family's written word; returns its id or fails the test. */
export async function recordConsent(
  graph: TestGraph,
  input: ConsentInput & { sipId: string },
  as: Persona | TokenClaims = 'social worker',
): Promise<string> {
  const { agencies: _, ...rest } = input;
  const response = await graph.query(
    RECORD_CONSENT,
    { input: { form: 'WRITTEN', purpose: 'SIP', guardianIds: [], ...rest, recipients: recipientsOf(input) } },
    as,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.recordConsent.id;
}

export async function withdrawConsent(graph: TestGraph, consentId: string, as: Persona | TokenClaims) {
  return graph.query(
    `mutation ($id: ID!) { withdrawConsent(consentId: $id, reason: "Familjen vill inte längre") { id status } }`,
    { id: consentId },
    as,
  );
}
