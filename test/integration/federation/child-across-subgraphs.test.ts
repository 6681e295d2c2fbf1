import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren, demoGuardians } from '../../../dev/demo/people.ts';
import { giveConsent } from '../../support/consent-fixtures.ts';
import { ageOn } from '../../../policy/age.ts';
import { startTestGraph, type TestGraph } from '../../support/test-graph.ts';

// Demo data is dated; a fixed clock keeps "current placement" and "open case" stable.
const clock = () => new Date('2026-11-23T10:00:00Z');

describe('one query through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ clock });
    // Both of Leo's parents consent, in their app, to share with his social services unit.
    await giveConsent(graph, {
      childId: demoChildren.leo.id,
      guardianIds: [demoGuardians.raniaHaddad.id, demoGuardians.omarHaddad.id],
      scopes: ['SCHOOL_ENROLMENT', 'HEALTH_CARE_CONTACTS'],
      recipients: { sipParticipants: false, named: [{ agency: 'SOCIAL_SERVICES', unit: 'Barn och familj' }] },
      validFrom: '2026-11-01T00:00:00Z',
      validUntil: '2027-11-01T00:00:00Z',
    });
  });

  it(
    'returns a child from the SIP core with the ' +
      'fields school, social services and health care add (under consent)',
    async () => {
      const response = await graph.query(
        `query ($id: ID!) {
        child(id: $id) {
          personnummer givenName familyName dateOfBirth
          guardians { hasCustody guardian { givenName familyName } }
          schoolPlacement { schoolName className grade endDate }
          openSocialCase { caseNumber handlingOfficer closedAt }
          careContacts { unitName unitType startDate }
        }
      }`,
        { id: demoChildren.leo.id },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({
        child: {
          personnummer: expect.stringMatching(/^\d{8}-985\d$/),
          givenName: 'Leo',
          familyName: 'Haddad',
          dateOfBirth: expect.any(String),
          guardians: [
            { hasCustody: true, guardian: { givenName: 'Omar', familyName: 'Haddad' } },
            { hasCustody: true, guardian: { givenName: 'Rania', familyName: 'Haddad' } },
          ],
          schoolPlacement: { schoolName: 'Solrosens skola', className: '9A', grade: 9, endDate: null },
          // Leo's closed case from 2022 is not the open one.
          openSocialCase: { caseNumber: 'SOC-2026-0057', handlingOfficer: 'Eva Sundberg', closedAt: null },
          careContacts: [
            { unitName: 'Barn- och ungdomshabiliteringen', unitType: 'HABILITERING', startDate: '2016-02-02' },
            { unitName: 'BUP Norra', unitType: 'BUP', startDate: '2026-02-11' },
          ],
        },
      });
      // Demo birth dates are counted back from the day the demo data was written: Leo is 15, and
      // his personnummer carries his date of birth.
      const { personnummer, dateOfBirth } = response.data!.child;
      expect(ageOn(new Date(dateOfBirth), new Date())).toBe(15);
      expect(personnummer.slice(0, 8)).toBe(dateOfBirth.replaceAll('-', ''));
    },
  );

  it('shows the placement in force today, not an ended one', async () => {
    const response = await graph.query(
      `query ($id: ID!) { child(id: $id) { schoolPlacement { schoolName className } } }`,
      { id: demoChildren.wilma.id },
      'school counsellor',
    );
    expect(response.data?.child.schoolPlacement).toEqual({ schoolName: 'Solrosens skola', className: '9B' });
  });

  it('answers null for agency fields the agency has nothing on, and for an unknown child', async () => {
    // Noah's consent covers SOCIAL_CASE for health care; he has no open case.
    const noah = await graph.query(
      `query ($id: ID!) { child(id: $id) { openSocialCase { caseNumber } } }`,
      { id: demoChildren.noah.id },
      'BUP doctor',
    );
    expect(noah).toMatchObject({ data: { child: { openSocialCase: null } } });
    expect(noah.errors).toBeUndefined();
    const unknown = await graph.query(
      `{ child(id: "99999999-0000-4000-8000-000000000000") { givenName schoolPlacement { schoolName } } }`,
    );
    expect(unknown).toMatchObject({ data: { child: null } });
    expect(unknown.errors).toBeUndefined();
  });

  it("lets an agency's own query reach the SIP core's child", async () => {
    const response = await graph.query(
      `{ schoolPlacements(schoolUnitCode: "45867890") { nodes { className child { givenName } } } }`,
      {},
      'school counsellor',
    );
    const placements = response.data?.schoolPlacements.nodes.map((p: any) => `${p.className} ${p.child.givenName}`);
    // Most recently enrolled first. The school's own records are the counsellor's; a child's name from the SIP
    // core only where she takes part in the child's SIP (Wilma, Elias), not for Ebbe or Leo.
    expect(placements).toEqual(['9B Wilma', '5B null', '9A null', '9A Elias']);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});
