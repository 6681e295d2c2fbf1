import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren, demoPersonnummer } from '../../../dev/demo/people.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

// The demo data is written at this instant, so its personnummer are known.
const NOW = new Date('2026-11-23T10:00:00Z');

const REGISTER = `mutation ($input: RegisterChildInput!) {
  registerChild(input: $input) { id personnummer dateOfBirth givenName guardians { hasCustody guardian { personnummer
  } } }
}`;

const mother = { personnummer: '19850625-9947', givenName: 'Anna', familyName: 'Karlsson', hasCustody: true };
const newParent = { personnummer: '199001019802', givenName: 'Kim', familyName: 'Svensson', hasCustody: true };
const validChild = {
  personnummer: '20160229-9800',
  givenName: 'Tove',
  familyName: 'Karlsson',
  guardians: [mother, newParent],
};

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

  it('registers a child, reads the date of birth from the personnummer and links an existing guardian', async () => {
    const before = await countRows();
    const response = await graph.query(REGISTER, { input: validChild });
    expect(response.errors).toBeUndefined();
    expect(response.data?.registerChild).toMatchObject({
      personnummer: '20160229-9800',
      dateOfBirth: '2016-02-29',
      givenName: 'Tove',
      guardians: expect.arrayContaining([
        { hasCustody: true, guardian: { personnummer: '19850625-9947' } },
        { hasCustody: true, guardian: { personnummer: '19900101-9802' } },
      ]),
    });
    // Anna Karlsson was already registered as Noah's mother: linked, not duplicated.
    expect(await countRows()).toEqual({
      children: before.children + 1,
      guardians: before.guardians + 1,
      guardianships: before.guardianships + 2,
    });
  });

  const rejected: Array<[string, unknown, string, string]> = [
    [
      'a wrong check digit',
      { ...validChild, personnummer: '20160229-9802' },
      'input.personnummer',
      'check digit (Luhn) does not match',
    ],
    [
      'an impossible date',
      { ...validChild, personnummer: '20150229-9802' },
      'input.personnummer',
      'does not contain a valid date of birth',
    ],
    [
      'an unreadable personnummer',
      { ...validChild, personnummer: '2016-02-29' },
      'input.personnummer',
      'must be YYYYMMDD-NNNN or YYMMDD-NNNN',
    ],
    [
      'an adult',
      { ...validChild, personnummer: '19800512-9914' },
      'input.personnummer',
      'the person is 18 or older; this graph holds plans for children',
    ],
    ['an empty name', { ...validChild, givenName: '  ' }, 'input.givenName', 'must not be empty'],
    [
      'no guardian with custody',
      { ...validChild, guardians: [{ ...mother, hasCustody: false }] },
      'input.guardians',
      'at least one guardian must have custody',
    ],
    [
      'the same guardian twice',
      { ...validChild, guardians: [mother, mother] },
      'input.guardians.1.personnummer',
      'the same guardian is listed twice',
    ],
    [
      "a guardian's bad personnummer",
      { ...validChild, guardians: [mother, { ...newParent, personnummer: '19900101-9803' }] },
      'input.guardians.1.personnummer',
      'check digit (Luhn) does not match',
    ],
    [
      'an already registered child',
      { ...validChild, personnummer: demoPersonnummer(demoChildren.alva, NOW) },
      'input.personnummer',
      'a child with this personnummer is already registered',
    ],
  ];

  it.each(rejected)(
    'rejects %s with BAD_USER_INPUT naming the field, and writes nothing',
    async (_, input, field, reason) => {
      const before = await countRows();
      const response = await graph.query(REGISTER, { input });
      expect(response.data).toBeNull();
      expect(response.errors).toEqual([
        expect.objectContaining({
          path: ['registerChild'],
          extensions: { code: 'BAD_USER_INPUT', field, reason, serviceName: 'sip' },
        }),
      ]);
      expect(await countRows()).toEqual(before);
    },
  );

  it('rejects a third guardian with custody', async () => {
    const third = { personnummer: '19870130-9992', givenName: 'Karin', familyName: 'Holm', hasCustody: true };
    const response = await graph.query(REGISTER, {
      input: { ...validChild, personnummer: '20160301-9801', guardians: [mother, newParent, third] },
    });
    expect(response.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.guardians',
      reason: 'at most two guardians can have custody',
      serviceName: 'sip',
    });
  });
});
