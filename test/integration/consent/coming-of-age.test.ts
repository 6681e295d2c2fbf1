import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { demoConsentId } from '../../../dev/demo/sip-ids.ts';
import { childWithRecords, settableClock, type TestChild } from '../../support/consent-fixtures.ts';
import { activeSip, childClaims, guardianClaims, ok, type ActiveSip } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const READ = `query ($id: ID!) { child(id: $id) { careContacts { unitName } } }`;
const CONSENTS = `query ($id: ID!) { consents(childId: $id) { id status } }`;
const TO_RENEW = `query ($id: ID!) { consentsToRenew(childId: $id) { id status } }`;
const SIP = `query ($id: ID!) { sip(id: $id) { id } }`;
const LOG = `query ($id: ID!) { childAccessLog(childId: $id) { id } }`;
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id status } }`;

// Born 20 December 2008: 18 on 20 December 2026, inside the consent's window (November to June).
const clock = settableClock('2026-12-01T10:00:00.000Z');
const DAY_BEFORE = '2026-12-19T12:00:00.000Z';
const BIRTHDAY = '2026-12-20T12:00:00.000Z';

/** What a review against the law found: nothing happened at 18, and the guardians' consents went on counting. */
describe('the 18th birthday', () => {
  let graph: TestGraph;
  let child: TestChild;
  let sip: ActiveSip;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    child = await childWithRecords(graph, { born: '20081220', custodians: 2 });
    sip = await activeSip(graph, child, {
      validFrom: '2026-11-01T00:00:00.000Z',
      validUntil: '2027-06-01T00:00:00.000Z',
    });
  });
  const mother = () => guardianClaims(child.custodianIds[0]!);

  it('lets the guardians’ consent count, and the guardians see the SIP, until the day before', async () => {
    clock.set(DAY_BEFORE);
    expect((await graph.query(READ, { id: child.id }, 'school counsellor')).errors).toBeUndefined();
    expect((await ok(graph, SIP, { id: sip.sipId }, mother())).sip).toEqual({ id: sip.sipId });
    expect((await ok(graph, CONSENTS, { id: child.id }, mother())).consents).toEqual([
      { id: sip.consentId, status: 'ACTIVE' },
    ]);
  });

  it('stops the guardians’ consent on the birthday, with a reason of its own, and asks the young person', async () => {
    clock.set(BIRTHDAY);
    const read = await graph.query(READ, { id: child.id }, 'school counsellor');
    expect(read.data?.child.careContacts).toBeNull();
    expect(read.errors?.[0].extensions).toMatchObject({ code: 'CONSENT_REQUIRED', reason: 'CAME_OF_AGE' });
    const young = childClaims(child.id);
    expect((await ok(graph, CONSENTS, { id: child.id }, young)).consents).toEqual([
      { id: sip.consentId, status: 'CAME_OF_AGE' },
    ]);
    expect((await ok(graph, TO_RENEW, { id: child.id }, young)).consentsToRenew).toEqual([
      { id: sip.consentId, status: 'CAME_OF_AGE' },
    ]);
  });

  it('ends the guardians’ access to the SIP, the consents and the log, and their say over consent', async () => {
    clock.set(BIRTHDAY);
    expect((await graph.query(SIP, { id: sip.sipId }, mother())).data?.sip ?? null).toBeNull();
    for (const query of [CONSENTS, LOG]) {
      const refused = await graph.query(query, { id: child.id }, mother());
      expect(refused.errors?.[0].extensions?.code, query).toBe('FORBIDDEN');
    }
    const given = await graph.query(
      GIVE,
      {
        input: {
          childId: child.id,
          scopes: ['HEALTH_CARE_CONTACTS'],
          purpose: 'SIP',
          validFrom: BIRTHDAY,
          validUntil: '2027-06-01T00:00:00.000Z',
          recipients: { sipParticipants: false, wholeAgencies: ['SCHOOL'] },
        },
      },
      mother(),
    );
    expect(given.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'the young person is of age and gives their own consent',
    });
  });

  it('counts the young person’s own consent in its place', async () => {
    clock.set(BIRTHDAY);
    const young = childClaims(child.id);
    await ok(
      graph,
      GIVE,
      {
        input: {
          childId: child.id,
          sipId: sip.sipId,
          replacesConsentId: sip.consentId,
          scopes: ['SCHOOL_ENROLMENT', 'SOCIAL_CASE', 'HEALTH_CARE_CONTACTS'],
          purpose: 'SIP',
          validFrom: '2026-11-01T00:00:00.000Z',
          validUntil: '2027-06-01T00:00:00.000Z',
          recipients: { sipParticipants: true },
        },
      },
      young,
    );
    expect((await graph.query(READ, { id: child.id }, 'school counsellor')).errors).toBeUndefined();
    expect((await ok(graph, TO_RENEW, { id: child.id }, young)).consentsToRenew).toEqual([]);
  });
});

/** The demo covers it too: Hedda turns 18 three weeks after the demo data is written, inside her mother's consent. */
describe('the demo’s young person who turns 18', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    clock.set('2026-12-01T10:00:00.000Z');
    graph = await startTestGraph({ clock });
  });

  it('lets her school read her care contacts under her mother’s consent until she is 18, then asks her', async () => {
    const hedda = demoChildren.hedda.id;
    clock.set('2026-12-21T12:00:00.000Z');
    expect((await graph.query(READ, { id: hedda }, 'school counsellor')).errors).toBeUndefined();
    clock.set('2026-12-22T12:00:00.000Z');
    const read = await graph.query(READ, { id: hedda }, 'school counsellor');
    expect(read.errors?.[0].extensions).toMatchObject({ code: 'CONSENT_REQUIRED', reason: 'CAME_OF_AGE' });
    const { consentsToRenew } = await ok(graph, TO_RENEW, { id: hedda }, 'young person, 17 (Hedda Strand)');
    expect(consentsToRenew).toEqual([{ id: demoConsentId(7), status: 'CAME_OF_AGE' }]);
  });
});
