import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../../gateway/supergraph.ts';
import { policyDiff, policyReport } from '../../lib/consent/policy-report.ts';

const committed = readSupergraph();
/** The committed supergraph with a few policy changes a review must see. */
const proposed = committed
  .replace(
    'careContacts: [CareContact!] @join__field(graph: HEALTH) @consent(scope: "HEALTH_CARE_CONTACTS")',
    'careContacts: [CareContact!] @join__field(graph: HEALTH) @consentExempt(reason: "Offentlig uppgift")',
  )
  .replace(
    'schoolPlacement: SchoolPlacement @join__field(graph: SCHOOL) @consent(scope: "SCHOOL_ENROLMENT")',
    'schoolPlacement: SchoolPlacement @join__field(graph: SCHOOL) @consent(scope: "SCHOOL_SUPPORT")\n' +
      '  shoeSize: Int @join__field(graph: SCHOOL)',
  );

describe('the policy report', () => {
  it('lists every cross-agency field of the composed graph with its scope, agency, meaning and siblings', () => {
    const report = policyReport(committed);
    expect(report.withoutPolicy).toEqual([]);
    expect(report.guarded).toContainEqual({
      field: 'Child.careVisits',
      subgraph: 'health',
      agency: 'HEALTH_CARE',
      scope: 'HEALTH_CARE_CONTACTS',
      covers: 'Which care units (BUP, habilitering, vårdcentral, paediatrics) the child is in contact with.',
      sharesScopeWith: ['Child.careContacts'],
      exemptReason: null,
    });
    // The SIP core's own fields on its own entities cross no boundary.
    expect(report.guarded.map((f) => f.field)).not.toContain('Child.givenName');
    expect(report.guarded.map((f) => f.field)).toContain('PlanIntervention.socialIntervention');
  });

  it('shows what a change does: unguarded, rescoped, added without a policy', () => {
    expect(policyDiff(committed, proposed)).toEqual({
      becameGuarded: [],
      becameUnguarded: [{ field: 'Child.careContacts', before: '@consent(HEALTH_CARE_CONTACTS)', after: 'exempt' }],
      changedScope: [
        { field: 'Child.schoolPlacement', before: '@consent(SCHOOL_ENROLMENT)', after: '@consent(SCHOOL_SUPPORT)' },
      ],
      addedWithoutPolicy: [{ field: 'Child.shoeSize', before: null, after: null }],
      added: [],
      removed: [],
    });
    expect(policyDiff(proposed, committed)).toMatchObject({
      becameGuarded: [{ field: 'Child.careContacts' }],
      removed: [{ field: 'Child.shoeSize' }],
    });
    expect(policyReport(proposed).exempt).toEqual([expect.objectContaining({ exemptReason: 'Offentlig uppgift' })]);
  });
});
