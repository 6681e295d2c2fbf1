import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from './agencies.ts';
import { APPEND_ONLY_TABLES } from './append-only.ts';

describe('what is never changed or removed', () => {
  it('holds every record a privacy officer reconstructs the past from', () => {
    expect(APPEND_ONLY_TABLES.sip).toEqual(
      expect.arrayContaining([
        'Consent',
        'ConsentWithdrawal',
        'ConsentDecisionAudit',
        'AuditChainLink',
        'AuditReview',
        'EmergencyAccess',
        'Block',
        'BlockLift',
        'PlanVersion',
        'PlanSignature',
        'PersonnummerLookup',
        'ChildIdentityRead',
      ]),
    );
  });

  it('names each table once, and only tables of the graph’s subgraphs', () => {
    for (const [subgraph, tables] of Object.entries(APPEND_ONLY_TABLES)) {
      expect(SUBGRAPH_NAMES).toContain(subgraph);
      expect(new Set(tables).size, subgraph).toBe(tables!.length);
    }
  });
});
