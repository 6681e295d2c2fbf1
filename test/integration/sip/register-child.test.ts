import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS, type TokenClaims } from '../../../dev/dev-identity.ts';
import { demoChildren, demoGuardians, demoPersonnummer } from '../../../dev/demo/people.ts';
import { unregisteredChildren } from '../../../dev/demo/sip.ts';
import { MAX_LOOKUPS_PER_HOUR } from '../../../policy/child-records.ts';
import { testPersonnummer } from '../../support/consent-fixtures.ts';
import { ok } from '../../support/sip-fixtures.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

// The demo data is written at this instant, so its personnummer are known.
const NOW = new Date('2026-11-23T10:00:00Z');

const REGISTER = `mutation ($input: RegisterChildInput!) {
  registerChild(input: $input) { id personnummer dateOfBirth givenName familyName
    guardians { hasCustody guardian { personnummer givenName } } }
}`;
const LOOKUP = `query ($pnr: String!) { childByPersonnummer(personnummer: $pnr, purpose: "initiera SIP") { id } }`;

/** A staff member of their own, so that one test's lookups do not count towards another's limit. */
const staff = (sub: string): TokenClaims => ({ ...DEMO_PERSONAS['social worker'], sub });

/**
 * Registering a child takes nothing on the caller's word: the name and the guardians with custody
 * are the population register's, so no one can give themselves custody of a child, nor learn what
 * is stored about a person by naming them.
 */
describe('registerChild', () => {
  let graph: TestGraph;
  const clock = () => NOW;
  beforeAll(async () => void (graph = await startTestGraph({ clock })));

  const countRows = async () => {
    const sip = graph.subgraphs.sip.prisma as any;
    return {
      children: await sip.child.count(),
      guardians: await sip.guardian.count(),
      guardianships: await sip.guardianship.count(),
    };
  };

  it('registers a child as the population register has her, linking a guardian already registered', async () => {
    const before = await countRows();
    const { registerChild } = await ok(
      graph,
      REGISTER,
      { input: { personnummer: unregisteredChildren.tove.personnummer } },
      staff('registrar-1'),
    );
    expect(registerChild).toMatchObject({
      personnummer: '20160229-9800',
      dateOfBirth: '2016-02-29',
      givenName: 'Tove',
      familyName: 'Karlsson',
    });
    expect(registerChild.guardians).toEqual(
      expect.arrayContaining([
        { hasCustody: true, guardian: { personnummer: demoGuardians.annaKarlsson.personnummer, givenName: 'Anna' } },
        { hasCustody: true, guardian: { personnummer: '19900101-9802', givenName: 'Kim' } },
      ]),
    );
    // Anna Karlsson was already registered as Noah's mother: linked, not duplicated.
    expect(await countRows()).toEqual({
      children: before.children + 1,
      guardians: before.guardians + 1,
      guardianships: before.guardianships + 2,
    });
  });

  it('takes no guardian, name or custody from the caller, and so tells nothing about a person they name', async () => {
    const before = await countRows();
    const claimed = await graph.query(
      REGISTER,
      {
        input: {
          personnummer: testPersonnummer('20170101'),
          guardians: [{ personnummer: demoGuardians.annaKarlsson.personnummer, hasCustody: true }],
        },
      },
      staff('registrar-2'),
    );
    expect(claimed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$input' });
    expect(claimed.errors?.[0].message).toMatch(/Field "guardians" is not defined by type "RegisterChildInput"/);
    expect(JSON.stringify(claimed)).not.toContain('Anna');
    expect(await countRows()).toEqual(before);
  });

  const rejected: Array<[string, string, string]> = [
    ['a wrong check digit', '20160229-9802', 'check digit (Luhn) does not match'],
    ['an impossible date', '20150229-9802', 'does not contain a valid date of birth'],
    ['an unreadable personnummer', '2016-02-29', 'must be YYYYMMDD-NNNN or YYMMDD-NNNN'],
    [
      'an adult',
      demoGuardians.mariaLindqvist.personnummer,
      'the person is 18 or older; this graph holds plans for children',
    ],
    [
      'someone the register does not know',
      testPersonnummer('20170202'),
      'the population register has no one with this personnummer',
    ],
    [
      'a child with no guardian who has custody',
      unregisteredChildren.vera.personnummer,
      'the population register names no guardian with custody of this child',
    ],
    [
      'an already registered child',
      demoPersonnummer(demoChildren.alva, NOW),
      'a child with this personnummer is already registered',
    ],
  ];

  it.each(rejected)('rejects %s with BAD_USER_INPUT naming the field, and writes nothing', async (_, pnr, reason) => {
    const before = await countRows();
    const response = await graph.query(REGISTER, { input: { personnummer: pnr } }, staff('registrar-3'));
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['registerChild'],
        extensions: { code: 'BAD_USER_INPUT', field: 'input.personnummer', reason, serviceName: 'sip' },
      }),
    ]);
    expect(await countRows()).toEqual(before);
  });

  it('logs every lookup by personnummer, misses too, and refuses more than the hourly limit', async () => {
    const asker = staff('curious-1');
    const missed = testPersonnummer('20140303');
    expect((await ok(graph, LOOKUP, { pnr: missed }, asker)).childByPersonnummer).toBeNull();
    const { reviewQueue } = await ok(
      graph,
      `{ reviewQueue(kinds: [LOOKUP_MISS]) { requesterSubject detail } }`,
      {},
      'privacy officer',
    );
    expect(reviewQueue).toContainEqual({
      requesterSubject: 'curious-1',
      detail: `personnummer ${missed.replace('-', '')}, purpose: initiera SIP`,
    });
    for (let i = 1; i < MAX_LOOKUPS_PER_HOUR; i++) await ok(graph, LOOKUP, { pnr: missed }, asker);
    const refused = await graph.query(LOOKUP, { pnr: demoPersonnummer(demoChildren.alva, NOW) }, asker);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(refused.data?.childByPersonnummer ?? null).toBeNull();
    // Another staff member is not held up by it.
    expect((await ok(graph, LOOKUP, { pnr: missed }, staff('curious-2'))).childByPersonnummer).toBeNull();
  });
});
