import { beforeAll, describe, expect, it } from 'vitest';
import { toEpisodeOfCare } from '../../../subgraphs/health/fhir/care-resources.ts';
import { writeCareRecords } from '../../support/health-records.ts';
import { childWithRecords, settableClock, TEST_CASE_OFFICER, type TestChild } from '../../support/consent-fixtures.ts';
import { ADD_PARTICIPANT, guardianClaims, INITIATE, ok, sipInput, STAFF } from '../../support/sip-fixtures.ts';
import { DEMO_PERSONAS, type TokenClaims } from '../../../dev/dev-identity.ts';
import { startOwnTestGraph, startTestGraph, type TestGraph } from '../../support/test-graph.ts';

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
    const variables = { childId: child.id, scopes: ['SOCIAL_CASE'], reason: 'Akut suicidrisk' };
    const outsider = await graph.query(OPEN, variables, 'nurse outside every SIP');
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const family = await graph.query(OPEN, variables, guardianClaims(child.custodianIds[0]));
    expect(family.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noReason = await graph.query(OPEN, { ...variables, reason: ' ' }, 'BUP doctor');
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const tooLong = await graph.query(OPEN, { ...variables, hours: 5 }, 'BUP doctor');
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
  });

  it('opens a scope to its opener alone until it ends; each read is logged for the family and review', async () => {
    clock.set(NOW);
    expect(reason(await graph.query(READ, { id: child.id }, 'BUP doctor'))).toBe('NO_CONSENT');
    const { openEmergencyAccess } = await ok(
      graph,
      OPEN,
      {
        childId: child.id,
        scopes: ['SOCIAL_CASE'],
        reason: 'Akut suicidrisk, behöver veta pågående insatser',
        hours: 2,
      },
      'BUP doctor',
    );
    expect(openEmergencyAccess).toMatchObject({ until: '2026-11-23T12:00:00.000Z', scopes: ['SOCIAL_CASE'] });

    const read = await graph.query(READ, { id: child.id }, 'BUP doctor');
    expect(read.errors).toBeUndefined();
    expect(read.data?.child.openSocialCase).not.toBeNull();
    // Only its opener: the counsellor in the same SIP is still refused.
    expect(reason(await graph.query(READ, { id: child.id }, 'school counsellor'))).toBe('NO_CONSENT');

    const log = await ok(
      graph,
      `query ($id: ID!) { childAccessLog(childId: $id) { requesterName scope granted consentId emergencyAccessId } }`,
      { id: child.id },
      guardianClaims(child.custodianIds[0]),
    );
    expect(log.childAccessLog).toContainEqual({
      requesterName: 'Jonas Lind',
      scope: 'SOCIAL_CASE',
      granted: true,
      consentId: null,
      emergencyAccessId: openEmergencyAccess.id,
    });
    const queue = await ok(
      graph,
      `{ reviewQueue(kinds: [EMERGENCY_ACCESS]) { key childId detail } }`,
      {},
      'privacy officer',
    );
    expect(queue.reviewQueue).toContainEqual({
      key: openEmergencyAccess.id,
      childId: child.id,
      detail: expect.stringMatching(/^SOCIAL_CASE until 2026-11-23 13:00: Akut suicidrisk.*\(reads under it: 1\)$/),
    });

    clock.set('2026-11-23T12:00:00.000Z');
    expect(reason(await graph.query(READ, { id: child.id }, 'BUP doctor'))).toBe('NO_CONSENT');
    // Kept as it was opened: the database refuses to change or remove it.
    const stored = graph.subgraphs.sip.prisma as any;
    await expect(stored.emergencyAccess.updateMany({ data: { reason: 'ändrad' } })).rejects.toThrow(/append-only/);
    await expect(stored.emergencyAccess.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it('opens to staff of a unit in contact with the child, as their own agency’s records say', async () => {
    clock.set(NOW);
    const other = await childWithRecords(graph, { born: '20120101', custodians: 1 });
    const open = (as: TokenClaims) =>
      graph.query(OPEN, { childId: other.id, scopes: ['SOCIAL_CASE'], reason: 'Akut, livshotande' }, as);
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
    const read = await graph.query(READ, { id: other.id }, 'nurse outside every SIP');
    expect(read.errors).toBeUndefined();
    expect(read.data?.child.openSocialCase).not.toBeNull();

    // The school the child attends, and the officer handling her open case; not another school.
    expect((await open(staff('SCHOOL', 'teacher', 'Testskolan', 'Lärare Test'))).errors).toBeUndefined();
    expect((await open(staff('SCHOOL', 'teacher', 'Annan skola', 'Lärare Annan'))).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const officer = {
      ...staff('SOCIAL_SERVICES', 'social_worker', 'Barn och familj', TEST_CASE_OFFICER.name),
      sub: TEST_CASE_OFFICER.subject,
    };
    const opened = await graph.query(
      OPEN,
      { childId: other.id, scopes: ['HEALTH_DIAGNOSES'], reason: 'Akut, livshotande' },
      officer,
    );
    expect(opened.errors).toBeUndefined();
    // A colleague is refused, and so is anyone whose token merely carries the officer's name.
    for (const impostor of [
      { ...officer, sub: 'staff-social-other', name: 'Annan Handläggare' },
      { ...officer, sub: 'made-up-subject' },
    ]) {
      const refused = await graph.query(
        OPEN,
        { childId: other.id, scopes: ['HEALTH_DIAGNOSES'], reason: 'Akut, livshotande' },
        impostor,
      );
      expect(refused.errors?.[0].extensions?.code, impostor.sub).toBe('FORBIDDEN');
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
        { childId: other.id, scopes: ['SOCIAL_CASE'], reason: 'Akut, livshotande' },
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
