import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_SCOPES, type ConsentScope } from '../../../policy/scopes.ts';
import { AGENCY_FIELDS, fieldName, recordsInEveryCategory } from '../../support/agency-records.ts';
import { giveConsent, registerTestChild } from '../../support/consent-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

const fieldsOf = (agency: string) =>
  Object.entries(AGENCY_FIELDS)
    .filter(([, scope]) => CONSENT_SCOPES[scope].agency === agency)
    .map(([field]) => field);
/** A reader from another agency than the one whose data it is. */
const READER: Record<string, Persona> = {
  SCHOOL: 'social worker',
  SOCIAL_SERVICES: 'school counsellor',
  HEALTH_CARE: 'school counsellor',
};
/** Whether a field came back with the child's record in it: a list or a page with entries, an object with values. */
const holdsData = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value !== null && typeof value === 'object'
      ? 'nodes' in value
        ? holdsData(value.nodes)
        : Object.values(value).every(Boolean)
      : false;
const QUERY = (fields: string[]) => `query ($id: ID!) { child(id: $id) { ${fields.join(' ')} } }`;

/**
 * Each information category is released by its own scope and by nothing else: a consent for one
 * scope releases exactly the fields of that scope, and every other field of the agency stays
 * withheld. The field → scope table is the README's.
 */
describe('one consent scope per information category', () => {
  let graph: TestGraph;
  const childFor = new Map<ConsentScope, string>();
  let unconsented: string;
  beforeAll(async () => {
    graph = await startTestGraph({ seed: false });
    for (const scope of Object.keys(CONSENT_SCOPES) as ConsentScope[]) {
      const child = await registerTestChild(graph, { born: '20120101', custodians: 1 });
      await giveConsent(graph, {
        childId: child.id,
        guardianIds: child.custodianIds,
        scopes: [scope],
        agencies: ['SCHOOL', 'SOCIAL_SERVICES', 'HEALTH_CARE'],
        validFrom: '2026-01-01T00:00:00Z',
        validUntil: '2030-01-01T00:00:00Z',
      });
      childFor.set(scope, child.id);
    }
    unconsented = (await registerTestChild(graph, { born: '20120101', custodians: 1 })).id;
    await recordsInEveryCategory(graph, [...childFor.values(), unconsented]);
  });

  it.each(Object.keys(CONSENT_SCOPES) as ConsentScope[])('%s releases its own fields and no others', async (scope) => {
    const agency = CONSENT_SCOPES[scope].agency;
    const fields = fieldsOf(agency);
    const response = await graph.query(QUERY(fields), { id: childFor.get(scope) }, READER[agency]);
    const child = response.data!.child;
    const released = fields
      .filter((field) => AGENCY_FIELDS[field as keyof typeof AGENCY_FIELDS] === scope)
      .map(fieldName);
    expect(released.length).toBeGreaterThan(0);
    for (const name of fields.map(fieldName)) {
      const value = child[name];
      if (released.includes(name)) expect(holdsData(value), name).toBe(true);
      else expect(value === null || (Array.isArray(value) && value.length === 0), name).toBe(true);
    }
    const withheld = (response.errors ?? []).map((error) => [
      error.path?.at(-1),
      error.extensions?.code,
      error.extensions?.reason,
    ]);
    expect(withheld.sort()).toEqual(
      fields
        .map(fieldName)
        .filter((name) => !released.includes(name))
        .map((name) => [name, 'CONSENT_REQUIRED', 'SCOPE_NOT_COVERED'])
        .sort(),
    );
  });

  it.each([
    ['the school', 'school counsellor', 'SCHOOL'],
    ['social services', 'social worker', 'SOCIAL_SERVICES'],
    ['health care', 'BUP doctor', 'HEALTH_CARE'],
  ] as const)("lets %s's own staff read every one of its categories without consent", async (_, persona, agency) => {
    const response = await graph.query(QUERY(fieldsOf(agency)), { id: unconsented }, persona);
    expect(response.errors).toBeUndefined();
    for (const [name, value] of Object.entries(response.data!.child)) expect(holdsData(value), name).toBe(true);
  });
});
