import { readFileSync } from 'node:fs';
import { buildSchema, isScalarType, specifiedScalarTypes } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { API_SCHEMA_FILE } from '../../../gateway/supergraph.ts';
import { STRICT_SCALARS } from '../../../lib/scalars.ts';
import { startTestGraph, type Persona, type TestGraph } from '../../support/test-graph.ts';

const alva = demoChildren.alva.id;

const GIVE_CONSENT = `mutation ($validFrom: DateTime!) {
  giveConsent(input: { childId: "${alva}", scopes: [SCHOOL_ATTENDANCE], purpose: "SIP",
    validFrom: $validFrom, validUntil: "2027-11-25T00:00:00Z" }) { id }
}`;

/**
 * Malformed values of every kind the API takes, sent through the gateway as a client would: each is
 * refused as the user's input (BAD_USER_INPUT, naming the argument), never as an internal error,
 * and no answer carries a subgraph's address, a raw HTTP status or a stack.
 */
describe('malformed input through the gateway', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  const cases: Array<[string, string, Record<string, unknown>, Persona, string]> = [
    [
      'a date-time that is not one, written in the query (the README mutation with "yesterday")',
      `mutation { giveConsent(input: { childId: "${alva}", scopes: [SCHOOL_ATTENDANCE], purpose: "SIP",
        validFrom: "yesterday", validUntil: "2027-11-25T00:00:00Z" }) { id } }`,
      {},
      'guardian (Johan Lindqvist)',
      'input.validFrom',
    ],
    [
      'a date-time that is not one, as a variable',
      GIVE_CONSENT,
      { validFrom: 'yesterday' },
      'guardian (Johan Lindqvist)',
      '$validFrom',
    ],
    [
      'a calendar date that does not exist',
      `{ child(id: "${alva}") { careVisits(from: "2026-02-30") { pageInfo { hasNextPage } } } }`,
      {},
      'BUP doctor',
      'from',
    ],
    [
      'a calendar date as a time',
      `{ child(id: "${alva}") { careVisits(to: "12:00") { pageInfo { hasNextPage } } } }`,
      {},
      'BUP doctor',
      'to',
    ],
    [
      'a value that is none of an enum’s',
      `mutation { giveConsent(input: { childId: "${alva}", scopes: [SCHOOL_GRADES], purpose: "SIP",
        validFrom: "2026-11-25T00:00:00Z", validUntil: "2027-11-25T00:00:00Z" }) { id } }`,
      {},
      'guardian (Johan Lindqvist)',
      'input.scopes.0',
    ],
    ['an id that is not a UUID', `{ child(id: "not-a-uuid") { givenName } }`, {}, 'social worker', 'id'],
    [
      'a personnummer that is not one',
      `{ childByPersonnummer(personnummer: "12345", purpose: "initiera SIP") { id } }`,
      {},
      'social worker',
      'personnummer',
    ],
    ['a page size out of range', `{ mySips(first: 100000) { id } }`, {}, 'social worker', 'first'],
    ['a page size that is not a number', `{ mySips(first: "many") { id } }`, {}, 'social worker', 'first'],
    ['a whole number too big for Int', `{ mySips(first: 99999999999) { id } }`, {}, 'social worker', 'first'],
  ];

  it.each(cases)('refuses %s as BAD_USER_INPUT naming it', async (_, query, variables, as, field) => {
    const response = await graph.query(query, variables, as);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const named = response.errors?.[0].extensions?.field ?? response.errors?.[0].message;
    expect(named).toContain(field);
    expect(JSON.stringify(response)).not.toMatch(/https?:\/\/|127\.0\.0\.1|stack|\b400: |Bad Request/);
  });

  it('parses every custom scalar of the API as the subgraphs do', () => {
    const schema = buildSchema(readFileSync(API_SCHEMA_FILE, 'utf8'));
    const builtIn = new Set(specifiedScalarTypes.map((type) => type.name));
    const custom = Object.values(schema.getTypeMap())
      .filter((type) => isScalarType(type) && !builtIn.has(type.name))
      .map((type) => type.name);
    expect(Object.keys(STRICT_SCALARS).sort()).toEqual(custom.sort());
  });
});
