import { beforeAll, describe, expect, it } from 'vitest';
import { toEpisodeOfCare } from '../../../subgraphs/health/fhir/care-resources.ts';
import { writeCareRecords } from '../../support/health-records.ts';
import { childWithRecords, settableClock, TEST_CASE_OFFICER, type TestChild } from '../../support/consent-fixtures.ts';
import { ADD_PARTICIPANT, guardianClaims, INITIATE, ok, sipInput, STAFF } from '../../support/sip-fixtures.ts';
import { DEMO_PERSONAS, type TokenClaims } from '../../../dev/dev-identity.ts';
import { requesterFromClaims, type Requester } from '../../../lib/auth/requester.ts';
import { byRequester, storeAudit } from '../../../subgraphs/sip/consent-authority/audit/store-audit.ts';
import { startOwnTestGraph, startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

const NOW = '2026-11-23T10:00:00.000Z';
const clock = settableClock(NOW);
const OPEN = `mutation ($childId: ID!, $scopes: [ConsentScope!]!, $reason: String!, $hours: Int) {
  openEmergencyAccess(childId: $childId, scopes: $scopes, reason: $reason, hours: $hours) { id until scopes } }`;
const READ = `query ($id: ID!) { child(id: $id) { openSocialCase { caseNumber } } }`;

/** Emergency access (nödåtkomst): reasoned, brief, logged, shown to the family and reviewed. */
describe('emergency access', () => {
  let graph: TestGraph;
  let child: TestChild;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const { initiateSip } = await ok(graph, INITIATE, { input: sipInput(child.id) });
    await ok(graph, ADD_PARTICIPANT, { sipId: initiateSip.id, input: STAFF.doctor });
    await ok(graph, ADD_PARTICIPANT, { sipId: initiateSip.id, input: STAFF.counsellor });
  });
  const reason = (response: { errors?: Array<{ extensions?: Record<string, any> }> }) =>
    response.errors?.[0].extensions?.reason;

  it('refuses staff outside the child’s SIPs, a missing reason and too long a time', async () => {
    const variables = { childId: child.id, scopes: ['HEALTH_DIAGNOSES'], reason: 'Akut suicidrisk' };
    const outsider = await graph.query(OPEN, variables, 'nurse outside every SIP');
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const family = await graph.query(OPEN, variables, guardianClaims(child.custodianIds[0]));
    expect(family.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await graph.query(OPEN, { ...variables, reason: ' ' }, 'BUP doctor');
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const tooLong = await graph.query(OPEN, { ...variables, hours: 5 }, 'BUP doctor');
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
  });

  /** What a review against the law found: a teacher could open health data for four hours without consent. */
  it('opens only on a ground of law: health care staff, health data; anyone else is refused by name', async () => {
    clock.set(NOW);
    const open = (scopes: string[], as: Persona) =>
      graph.query(OPEN, { childId: child.id, scopes, reason: 'Akut' }, as);
    const school = await open(['HEALTH_DIAGNOSES'], 'school counsellor');
    expect(school.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'scopes',
      reason: expect.stringMatching(/^the school staff have no ground in law for emergency access.*2022:913/),
    });
    const health = await open(['HEALTH_DIAGNOSES', 'SOCIAL_CASE'], 'BUP doctor');
    expect(health.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: expect.stringMatching(
        /^no law gives health care staff emergency access to SOCIAL_CASE; they may open HEALTH_/,
      ),
    });
    expect(await (graph.subgraphs.sip.prisma as any).emergencyAccess.count({ where: { childId: child.id } })).toBe(0);

    const { openEmergencyAccess } = await ok(
      graph,
      OPEN,
      { childId: child.id, scopes: ['HEALTH_DIAGNOSES'], reason: 'Medvetslös, okänd medicinering', hours: 2 },
      'BUP doctor',
    );
    expect(openEmergencyAccess).toMatchObject({ until: '2026-11-23T12:00:00.000Z', scopes: ['HEALTH_DIAGNOSES'] });
    const queue = await ok(graph, `{ reviewQueue(kinds: [EMERGENCY_ACCESS]) { key detail } }`, {}, 'privacy officer');
    expect(queue.reviewQueue).toContainEqual({
      key: openEmergencyAccess.id,
      detail: expect.stringMatching(/^HEALTH_DIAGNOSES until 2026-11-23 13:00: Medvetslös/),
    });
    // Two reads made under it, as the SIP core logs them: counted in the review item and the statistics.
    const read = (childId: string, requestId: string) => ({
      ...byRequester(requesterFromClaims({ ...DEMO_PERSONAS['BUP doctor'] }) as Requester, requestId),
      childId,
      kind: 'CROSS_AGENCY' as const,
      scope: 'HEALTH_DIAGNOSES',
      fields: ['Child.diagnoses'],
      subgraph: 'health',
      granted: true,
      reason: null,
      consentId: null,
      emergencyAccessId: openEmergencyAccess.id,
      decidedAt: new Date(NOW),
    });
    await storeAudit(graph.subgraphs.sip.prisma as never, [
      read(child.id, 'emergency-1'),
      read(child.id, 'emergency-2'),
    ]);
    const counted = await ok(graph, `{ reviewQueue(kinds: [EMERGENCY_ACCESS]) { key detail } }`, {}, 'privacy officer');
    expect(counted.reviewQueue).toContainEqual({
      key: openEmergencyAccess.id,
      detail: expect.stringMatching(/\(reads under it: 2\)$/),
    });
    const { auditStatistics } = await ok(
      graph,
      `{ auditStatistics(from: "2026-11-23T00:00:00Z", to: "2026-11-24T00:00:00Z") {
        emergencyReadsPerDay { day reads } } }`,
      {},
      'privacy officer',
    );
    expect(auditStatistics.emergencyReadsPerDay).toEqual([{ day: '2026-11-23', reads: 2 }]);

    // Kept as it was opened: the database refuses to change or remove it.
    const stored = graph.subgraphs.sip.prisma as any;
    await expect(stored.emergencyAccess.updateMany({ data: { reason: 'ändrad' } })).rejects.toThrow(/append-only/);
    await expect(stored.emergencyAccess.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it('keeps an opening made before the law’s table in the log, and grants nothing under it', async () => {
    clock.set(NOW);
    const stored = graph.subgraphs.sip.prisma as any;
    const earlier = await stored.emergencyAccess.create({
      data: {
        childId: child.id,
        requesterSubject: DEMO_PERSONAS['school counsellor'].sub,
        requesterName: DEMO_PERSONAS['school counsellor'].name,
        agency: 'SCHOOL',
        unit: DEMO_PERSONAS['school counsellor'].unit,
        scopes: ['SOCIAL_CASE'],
        reason: 'Öppnad innan tabellen fanns',
        openedAt: new Date('2026-11-23T09:00:00.000Z'),
        until: new Date('2026-11-23T13:00:00.000Z'),
      },
    });
    const read = await graph.query(READ, { id: child.id }, 'school counsellor');
    expect(reason(read)).toBe('NO_CONSENT');
    expect(read.data?.child.openSocialCase).toBeNull();
    const queue = await ok(graph, `{ reviewQueue(kinds: [EMERGENCY_ACCESS]) { key detail } }`, {}, 'privacy officer');
    expect(queue.reviewQueue).toContainEqual({
      key: earlier.id,
      detail: expect.stringMatching(/Öppnad innan tabellen fanns \(reads under it: 0\)$/),
    });
  });

  it('opens to staff of a unit in contact with the child, as their own agency’s records say', async () => {
    clock.set(NOW);
    const other = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const open = (as: TokenClaims) =>
      graph.query(OPEN, { childId: other.id, scopes: ['HEALTH_DIAGNOSES'], reason: 'Akut, livshotande' }, as);
    const staff = (agency: string, role: string, unit: string, name: string): TokenClaims => ({
      sub: `staff-${role}-${unit}`,
      role,
      agency,
      unit,
      name,
    });
    // In none of the child's SIPs, and (yet) without a care contact at her unit.
    const nurse = await open(DEMO_PERSONAS['nurse outside every SIP']);
    expect(nurse.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(nurse.errors?.[0].message).toMatch(/unit in contact with the child/);

    const vardcentral = { unitName: 'Vårdcentralen Norr', unitType: 'VARDCENTRAL' } as const;
    await writeCareRecords(graph, [other.id], (patientId) => [
      toEpisodeOfCare(undefined, patientId, {
        ...vardcentral,
        startDate: new Date('2025-01-01'),
        endDate: new Date('2025-06-30'),
      }),
    ]);
    expect((await open(DEMO_PERSONAS['nurse outside every SIP'])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await writeCareRecords(graph, [other.id], (patientId) => [
      toEpisodeOfCare(undefined, patientId, { ...vardcentral, startDate: new Date('2026-11-01') }),
    ]);
    expect((await open(DEMO_PERSONAS['nurse outside every SIP'])).errors).toBeUndefined();

    // The school the child attends, and the officer handling her open case, are in contact with her, and
    // still have no ground in law to open health data.
    for (const staffMember of [
      staff('SCHOOL', 'teacher', 'Testskolan', 'Lärare Test'),
      {
        ...staff('SOCIAL_SERVICES', 'social_worker', 'Barn och familj', TEST_CASE_OFFICER.name),
        sub: TEST_CASE_OFFICER.subject,
      },
    ]) {
      const refused = await open(staffMember);
      expect(refused.errors?.[0].extensions, staffMember.role).toMatchObject({ code: 'FORBIDDEN', field: 'scopes' });
    }
  });

  it('opens nothing on a contact its agency cannot confirm', async () => {
    const own = await startOwnTestGraph({ clock });
    try {
      const other = await childWithRecords(own, { born: '20120101', custodians: 1 });
      await writeCareRecords(own, [other.id], (patientId) => [
        toEpisodeOfCare(undefined, patientId, {
          unitName: 'Vårdcentralen Norr',
          unitType: 'VARDCENTRAL',
          startDate: new Date('2026-01-01'),
        }),
      ]);
      await own.subgraphs.health.stop();
      const response = await own.query(
        OPEN,
        { childId: other.id, scopes: ['HEALTH_DIAGNOSES'], reason: 'Akut, livshotande' },
        'nurse outside every SIP',
      );
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.errors?.[0].message).toMatch(/could not be confirmed/);
      expect(await (own.subgraphs.sip.prisma as any).emergencyAccess.count({ where: { childId: other.id } })).toBe(0);
    } finally {
      await own.stop();
    }
  });
});
