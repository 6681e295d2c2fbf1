import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { childWithRecords, recordConsent, settableClock, withdrawConsent } from '../../support/consent-fixtures.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

/**
 * Random consent histories and random queries over guarded fields, checked against an oracle
 * written here from the rule's wording (not from the implementation): no guarded value is ever
 * returned without a granted decision, and every granted one is returned.
 */
const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;
const clock = settableClock(new Date(T0).toISOString());

const GUARDED = {
  careContacts: {
    selection: 'careContacts { unitName }',
    scope: 'HEALTH_CARE_CONTACTS',
    owner: 'HEALTH_CARE',
    released: [{ unitName: 'BUP Test' }],
    withheld: [],
  },
  openSocialCase: {
    selection: 'openSocialCase { handlingOfficer }',
    scope: 'SOCIAL_CASE',
    owner: 'SOCIAL_SERVICES',
    released: { handlingOfficer: 'Test Handläggare' },
    withheld: null,
  },
  schoolPlacement: {
    selection: 'schoolPlacement { schoolName }',
    scope: 'SCHOOL_ENROLMENT',
    owner: 'SCHOOL',
    released: { schoolName: 'Testskolan' },
    withheld: null,
  },
} as const;
type GuardedField = keyof typeof GUARDED;

const READERS: Record<string, { persona: Persona; agency: string }> = {
  school: { persona: 'school counsellor', agency: 'SCHOOL' },
  social: { persona: 'social worker', agency: 'SOCIAL_SERVICES' },
  health: { persona: 'BUP doctor', agency: 'HEALTH_CARE' },
};

const consentArbitrary = fc.record({
  guardianMask: fc.integer({ min: 0, max: 3 }),
  givenByChild: fc.boolean(),
  scopes: fc.subarray(['HEALTH_CARE_CONTACTS', 'SOCIAL_CASE', 'SCHOOL_ENROLMENT', 'HEALTH_DIAGNOSES'], {
    minLength: 1,
  }),
  agencies: fc.subarray(['SCHOOL', 'SOCIAL_SERVICES', 'HEALTH_CARE'], { minLength: 1 }),
  fromDay: fc.integer({ min: -10, max: 10 }),
  lengthDays: fc.integer({ min: 1, max: 20 }),
  withdrawnDay: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
});

const queryArbitrary = fc.record({
  reader: fc.constantFrom('school', 'social', 'health'),
  /** Days after T0; consent boundaries are added to these in the test. */
  day: fc.double({ min: 0, max: 25, noNaN: true }),
  fields: fc.subarray(Object.keys(GUARDED) as GuardedField[], { minLength: 1 }),
  shape: fc.constantFrom('plain', 'alias', 'inline fragment', 'named fragment', 'include', 'skip'),
});

const scenarioArbitrary = fc.record({
  custodians: fc.constantFrom(1 as const, 2 as const),
  age: fc.constantFrom(12, 16),
  consents: fc.array(consentArbitrary, { maxLength: 3 }),
  queries: fc.array(queryArbitrary, { minLength: 1, maxLength: 4 }),
  boundaryShape: fc.constantFrom('plain', 'alias', 'inline fragment', 'named fragment', 'include', 'skip'),
});

const AGENCY_READER: Record<string, string> = { SCHOOL: 'school', SOCIAL_SERVICES: 'social', HEALTH_CARE: 'health' };

function buildQuery(fields: GuardedField[], shape: string): { query: string; keys: Record<GuardedField, string> } {
  const keys = Object.fromEntries(fields.map((f) => [f, shape === 'alias' ? `x_${f}` : f])) as Record<
    GuardedField,
    string
  >;
  const selections = fields.map((f) => {
    const s = GUARDED[f].selection;
    if (shape === 'alias') return `${keys[f]}: ${s}`;
    if (shape === 'include') return s.replace(' {', ' @include(if: true) {');
    if (shape === 'skip') return s.replace(' {', ' @skip(if: false) {');
    return s;
  });
  const body = selections.join(' ');
  if (shape === 'inline fragment')
    return { query: `query ($id: ID!) { child(id: $id) { ... on Child { ${body} } } }`, keys };
  if (shape === 'named fragment')
    return { query: `query ($id: ID!) { child(id: $id) { ...F } } fragment F on Child { ${body} }`, keys };
  return { query: `query ($id: ID!) { child(id: $id) { ${body} } }`, keys };
}

describe('consent enforcement, property-based', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph({ clock })));

  it('never returns a guarded value without a granted decision, and returns every granted one', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        clock.set(new Date(T0));
        const born = new Date(T0 - scenario.age * 365.25 * DAY - 40 * DAY);
        const child = await childWithRecords(graph, {
          born: born.toISOString().slice(0, 10).replace(/-/g, ''),
          custodians: scenario.custodians,
        });

        // Record every consent at T0, then withdraw in time order.
        const recorded: Array<{
          id: string;
          givers: string[];
          givenByChild: boolean;
          scopes: string[];
          agencies: string[];
          validFrom: number;
          validUntil: number;
          withdrawnAt?: number;
        }> = [];
        for (const c of scenario.consents) {
          const guardianIds = child.custodianIds.filter((_, i) => c.guardianMask & (1 << i));
          const givenByChild = c.givenByChild && scenario.age >= 15;
          const givers = guardianIds.length === 0 && !givenByChild ? [child.custodianIds[0]] : guardianIds;
          const validFrom = T0 + c.fromDay * DAY;
          const validUntil = validFrom + c.lengthDays * DAY;
          const id = await recordConsent(graph, {
            childId: child.id,
            guardianIds: givers,
            givenByChild,
            scopes: c.scopes,
            agencies: c.agencies,
            validFrom: new Date(validFrom).toISOString(),
            validUntil: new Date(validUntil).toISOString(),
          });
          recorded.push({
            id,
            givers,
            givenByChild,
            scopes: c.scopes,
            agencies: c.agencies,
            validFrom,
            validUntil,
            withdrawnAt: c.withdrawnDay === undefined ? undefined : T0 + c.withdrawnDay * DAY,
          });
        }
        for (const c of [...recorded]
          .filter((c) => c.withdrawnAt !== undefined)
          .sort((a, b) => a.withdrawnAt! - b.withdrawnAt!)) {
          clock.set(new Date(c.withdrawnAt!));
          expect((await withdrawConsent(graph, c.id)).errors).toBeUndefined();
        }

        // The oracle, from the rule's wording.
        const ageAt = (t: number) => {
          const d = new Date(t);
          let a = d.getUTCFullYear() - born.getUTCFullYear();
          if (
            d.getUTCMonth() < born.getUTCMonth() ||
            (d.getUTCMonth() === born.getUTCMonth() && d.getUTCDate() < born.getUTCDate())
          )
            a--;
          return a;
        };
        const released = (field: GuardedField, agency: string, t: number) =>
          GUARDED[field].owner === agency ||
          recorded.some(
            (c) =>
              c.scopes.includes(GUARDED[field].scope) &&
              c.agencies.includes(agency) &&
              c.validFrom <= t &&
              t < c.validUntil &&
              (c.withdrawnAt === undefined || t < c.withdrawnAt) &&
              ((c.givenByChild && ageAt(t) >= 15) || child.custodianIds.every((id) => c.givers.includes(id))),
          );

        // Random instants, and every edge of every consent (where an off-by-one would hide), read by an agency it
        // names.
        const probes = [
          ...scenario.queries.map((q) => ({ ...q, t: T0 + Math.round(q.day * DAY) })),
          ...recorded.flatMap((c) =>
            [
              c.validFrom - 1,
              c.validFrom,
              c.validUntil - 1,
              c.validUntil,
              ...(c.withdrawnAt ? [c.withdrawnAt - 1, c.withdrawnAt] : []),
            ]
              .filter((t) => t >= T0)
              .map((t) => ({
                t,
                reader: AGENCY_READER[c.agencies[0]],
                fields: Object.keys(GUARDED) as GuardedField[],
                shape: scenario.boundaryShape,
              })),
          ),
        ];
        for (const q of probes) {
          const t = q.t;
          clock.set(new Date(t));
          const reader = READERS[q.reader];
          const { query, keys } = buildQuery(q.fields, q.shape);
          const response = await graph.query(query, { id: child.id }, reader.persona);
          for (const field of q.fields) {
            const value = response.data?.child?.[keys[field]];
            const error = response.errors?.find((e) => e.path?.[0] === 'child' && e.path?.[1] === keys[field]);
            if (released(field, reader.agency, t)) {
              expect(value, `${field} for ${reader.agency} at ${new Date(t).toISOString()}`).toEqual(
                GUARDED[field].released,
              );
              expect(error).toBeUndefined();
            } else {
              expect(value, `${field} for ${reader.agency} at ${new Date(t).toISOString()}`).toEqual(
                GUARDED[field].withheld,
              );
              expect(error?.extensions?.code).toBe('CONSENT_REQUIRED');
            }
          }
        }
      }),
      { numRuns: 25, seed: Number(process.env.PROPERTY_SEED) || undefined },
    );
  }, 300_000);
});
