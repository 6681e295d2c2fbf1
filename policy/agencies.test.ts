import { describe, expect, it } from 'vitest';
import {
  AGENCIES,
  AGENCY,
  AGENCY_SUBGRAPH,
  AGENCY_SUBGRAPHS,
  ENTITY_OWNERS,
  SUBGRAPH_AGENCY,
  SUBGRAPH_NAMES,
} from './agencies.ts';

describe('the registry of agencies', () => {
  it('gives each agency one subgraph, one port and one colour, the SIP core belonging to none', () => {
    expect(SUBGRAPH_NAMES[0]).toBe('sip');
    expect(SUBGRAPH_AGENCY.sip).toBeNull();
    for (const field of ['subgraph', 'agency', 'defaultPort', 'colour'] as const) {
      const values = AGENCY_SUBGRAPHS.map((entry) => entry[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
    for (const agency of AGENCIES) {
      expect(SUBGRAPH_AGENCY[AGENCY_SUBGRAPH[agency]]).toBe(agency);
      expect(AGENCY[agency].agency).toBe(agency);
    }
  });

  it('gives every shared entity an owner among the subgraphs', () => {
    for (const owner of Object.values(ENTITY_OWNERS)) expect(SUBGRAPH_NAMES).toContain(owner);
  });
});
