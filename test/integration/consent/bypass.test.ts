import { randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../../lib/auth/keys.ts';
import {
  createSubgraphIdentityVerifier,
  signSubgraphIdentity,
  SUBGRAPH_IDENTITY_HEADER,
} from '../../../lib/auth/subgraph-identity.ts';
import { storeAudit } from '../../../subgraphs/sip/consent-authority/audit/store-audit.ts';
import { subgraphCallFirstUse } from '../../../subgraphs/sip/consent-authority/consent/subgraph-call-first-use.ts';
import { demoChildren, demoGuardians } from '../../../dev/demo/people.ts';
import { childWithRecords, type TestChild } from '../../support/consent-fixtures.ts';
import { postGraphQL, startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id careContacts { unitName }
  } } }`;

/** Withheld: an empty list, and no unit name anywhere in the response. */
function expectNoLeak(response: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  expect(JSON.stringify(response.data ?? null)).not.toContain('BUP Test');
  expect(
    response.errors?.some((error) =>
      ['CONSENT_REQUIRED', 'CONSENT_UNAVAILABLE', 'UNAUTHENTICATED', 'FORBIDDEN'].includes(
        error.extensions?.code as string,
      ),
    ),
  ).toBe(true);
}

describe('the consent guard cannot be bypassed', () => {
  let graph: TestGraph;
  let child: TestChild;
  beforeAll(async () => {
    graph = await startTestGraph();
    // Health records, and no consent for anyone.
    child = await childWithRecords(graph, { born: '20120101', custodians: 1 });
  });
  const asSchool = (query: string, variables: Record<string, unknown> = {}) =>
    graph.query(query, { id: child.id, ...variables }, 'school counsellor');

  describe('through the gateway', () => {
    it.each([
      [
        'aliases',
        `query ($id: ID!) { child(id: $id) { a: careContacts { unitName } b: careContacts { u: unitName } } }`,
      ],
      [
        'a named fragment',
        `query ($id: ID!) { child(id: $id) { ...Health } } fragment Health on Child { careContacts { unitName } }`,
      ],
      ['an inline fragment', `query ($id: ID!) { child(id: $id) { ... on Child { careContacts { unitName } } } }`],
      [
        '@include',
        `query ($id: ID!, $yes: Boolean = true) { child(id: $id) { careContacts @include(if: $yes) { unitName } } }`,
      ],
      ['@skip', `query ($id: ID!) { child(id: $id) { careContacts @skip(if: false) { unitName } } }`],
      ['__typename only', `query ($id: ID!) { child(id: $id) { careContacts { __typename } } }`],
    ])('withholds a guarded field reached through %s', async (_, query) => {
      const response = await asSchool(query);
      expectNoLeak(response);
      for (const value of Object.values(response.data?.child ?? {})) expect(value).toBeNull();
    });

    it('withholds a guarded field on a nested entity (school placement → child → health)', async () => {
      const response = await asSchool(
        `{ schoolPlacements(schoolUnitCode: "49999999") { nodes { className child { careContacts { unitName } } } } }`,
      );
      expect(response.data?.schoolPlacements.nodes).toEqual([{ className: '7T', child: { careContacts: null } }]);
      expect(response.errors).toEqual([
        expect.objectContaining({
          path: ['schoolPlacements', 'nodes', 0, 'child', 'careContacts'],
          extensions: expect.objectContaining({ code: 'CONSENT_REQUIRED', reason: 'NO_RELATION' }),
        }),
      ]);
    });

    it('lists no children to staff or a privacy officer, and withholds identities outside their SIPs', async () => {
      for (const as of ['BUP doctor', 'privacy officer'] as const) {
        const listing = await graph.query(`{ children(first: 500) { id personnummer } }`, {}, as);
        expect(listing.errors?.[0].extensions?.code, as).toBe('GRAPHQL_VALIDATION_FAILED');
        const identity = await graph.query(
          `query ($id: ID!) { child(id: $id) { personnummer guardians { guardian { personnummer } } } }`,
          { id: demoChildren.juni.id },
          as,
        );
        expect(identity.data?.child, as).toEqual({ personnummer: null, guardians: null });
        expect(
          identity.errors?.map((e) => e.extensions?.code),
          as,
        ).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      }
      // The doctor's refused look is in the log, for the privacy officer and the family.
      const log = await graph.query(
        `{ consentAuditLog(requesterSubject: "staff-bup-norra-1") { kind childId granted fields } }`,
        {},
        'privacy officer',
      );
      expect(log.data?.consentAuditLog).toContainEqual({
        kind: 'CHILD_IDENTITY',
        childId: demoChildren.juni.id,
        granted: false,
        fields: expect.arrayContaining(['Child.personnummer', 'Child.guardians']),
      });
    });

    it('does not expose _entities or _service to clients', async () => {
      const entities = await graph.query(ENTITIES, { r: [{ __typename: 'Child', id: child.id }] }, 'school counsellor');
      expect(entities.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const service = await graph.query(`{ _service { sdl } }`, {}, 'school counsellor');
      expect(service.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses batched operations rather than running them unguarded', async () => {
      const token = await graph.token('school counsellor');
      const res = await fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify([
          { query: `{ child(id: "${child.id}") { careContacts { unitName } } }` },
          { query: '{ __typename }' },
        ]),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain('BUP Test');
    });

    it('requires a valid bearer token: none, garbage, wrong key, expired', async () => {
      const query = { query: `{ child(id: "${child.id}") { careContacts { unitName } } }` };
      const otherIdentity = await generateSigningKeyPair();
      const wrongKey = await new SignJWT({ role: 'doctor', agency: 'HEALTH_CARE' })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('x')
        .setIssuer('sip-graph-dev')
        .setAudience('sip-graph')
        .setExpirationTime('1h')
        .sign(otherIdentity.privateKey);
      for (const authorization of [
        undefined,
        'Bearer not-a-jwt',
        `Bearer ${wrongKey}`,
        `Bearer ${await graph.token('BUP doctor', '-1s')}`,
      ]) {
        const response = await postGraphQL(graph.gateway.url, query, authorization ? { authorization } : {});
        expect(response.status, authorization).toBe(401);
        expect(response.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
        expect(response.data).toBeUndefined();
      }
    });
    it.each([
      [
        { sub: 'dpo-1', role: 'privacy_officer', agency: 'SCHOOL' },
        'a privacy_officer belongs to no agency and no unit',
      ],
      [{ sub: 'x', role: 'janitor', agency: 'SCHOOL', unit: 'Ekbackens skola' }, 'unknown role janitor'],
      [{ sub: 'x', role: 'teacher', agency: 'SCHOOL' }, 'a teacher must belong to a unit'],
      [{ sub: 'g', role: 'guardian', agency: 'HEALTH_CARE' }, 'a guardian belongs to no agency and no unit'],
    ])('refuses a signed token whose claims do not fit its role: %j', async (claims, reason) => {
      const token = await graph.token(claims as never);
      const response = await postGraphQL(
        graph.gateway.url,
        { query: `{ consentAuditLog(first: 1) { nodes { id } } }` },
        { authorization: `Bearer ${token}` },
      );
      expect(response.status).toBe(401);
      expect(response.errors).toEqual([
        { message: `Unauthenticated: ${reason}`, extensions: { code: 'UNAUTHENTICATED' } },
      ]);
    });
  });

  describe('calling a subgraph directly', () => {
    const callHealth = (headers: Record<string, string>) =>
      postGraphQL(
        graph.subgraphs.health.url,
        { query: ENTITIES, variables: { r: [{ __typename: 'Child', id: child.id }] } },
        headers,
      );
    const bearer = async (as: Parameters<TestGraph['token']>[0]) => ({
      authorization: `Bearer ${await graph.token(as)}`,
    });

    it('refuses the family the schema at a subgraph as the gateway does, and suggests no field to anyone', async () => {
      for (const query of ['{ __schema { queryType { name } } }', '{ _service { sdl } }']) {
        const response = await postGraphQL(graph.subgraphs.health.url, { query }, await bearer('guardian (Sara Berg)'));
        expect(response.status, query).toBe(403);
        expect(response.errors?.[0].extensions?.code, query).toBe('FORBIDDEN');
      }
      const staff = await postGraphQL(
        graph.subgraphs.health.url,
        { query: '{ __schema { queryType { name } } }' },
        await bearer('BUP doctor'),
      );
      expect(staff.errors).toBeUndefined();
      for (const url of [graph.subgraphs.health.url, graph.gateway.url]) {
        const typo = await postGraphQL(
          url,
          { query: '{ careContactsAtUnt(unitName: "x") { nodes { id } } }' },
          await bearer('guardian (Sara Berg)'),
        );
        expect(typo.errors?.[0].extensions?.code, url).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(JSON.stringify(typo), url).not.toMatch(/Did you mean|careContactsAtUnit/);
      }
    });

    it('refuses _entities and _service without a bearer token', async () => {
      expect((await callHealth({})).status).toBe(401);
      const service = await postGraphQL(graph.subgraphs.health.url, { query: '{ _service { sdl } }' });
      expect(service.status).toBe(401);
      expect(service.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a forged, tampered, unsigned or expired token', async () => {
      const forger = await generateSigningKeyPair();
      const claims = { role: 'doctor', agency: 'HEALTH_CARE', unit: 'BUP Test' };
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('staff-bup-norra-1')
        .setIssuer('sip-graph-dev')
        .setAudience('sip-graph')
        .setExpirationTime('1h')
        .sign(forger.privateKey);
      const genuine = await graph.token('school counsellor');
      const [header, payload, signature] = genuine.split('.');
      const raised = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims }),
      ).toString('base64url');
      const tampered = `${header}.${raised}.${signature}`;
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${raised}.`;
      const expired = await graph.token({ sub: 'staff-bup-norra-1', ...claims }, '-1s');
      for (const [name, token] of Object.entries({ forged, tampered, unsigned, expired })) {
        const response = await callHealth({ authorization: `Bearer ${token}` });
        expect(response.status, name).toBe(401);
        expect(JSON.stringify(response), name).not.toContain('BUP Test');
      }
    });

    it("resolves a Child on the SIP core for a guardian's token only within the guardian's family", async () => {
      const maria = await bearer({ sub: demoGuardians.mariaLindqvist.id, role: 'guardian' });
      const CHILD_ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Child { id personnummer guardians { guardian { personnummer } } } } }`;
      const resolve = (id: string) =>
        postGraphQL(
          graph.subgraphs.sip.url,
          { query: CHILD_ENTITIES, variables: { r: [{ __typename: 'Child', id }] } },
          maria,
        );
      const own = await resolve(demoChildren.alva.id);
      expect(own.errors).toBeUndefined();
      expect(own.data?._entities[0]).toMatchObject({
        id: demoChildren.alva.id,
        personnummer: expect.stringMatching(/^\d{8}-982\d$/),
      });

      const other = await resolve(demoChildren.elias.id);
      expect(other.data?._entities).toEqual([null]);
      expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      const elias = await (graph.subgraphs.sip.prisma as any).child.findUnique({
        where: { id: demoChildren.elias.id },
      });
      expect(JSON.stringify(other)).not.toContain(elias.personnummer.slice(0, 8));
    });

    it('refuses a genuine token whose claims do not fit the role', async () => {
      const response = await callHealth(await bearer({ sub: 'dpo-1', role: 'privacy_officer', agency: 'SCHOOL' }));
      expect(response.status).toBe(401);
      expect(JSON.stringify(response)).not.toContain('BUP Test');
    });

    describe("the SIP core's consent decisions", () => {
      const decisionsUrl = () => new URL('/consent/decisions', graph.subgraphs.sip.url).toString();
      const question = () => ({
        questions: [{ childId: child.id, scope: 'HEALTH_CARE_CONTACTS', fields: ['Child.careContacts'] }],
      });
      const ask = async (identity: string | undefined, body: object, requestId = 'r7') =>
        postGraphQL(decisionsUrl(), JSON.stringify(body), {
          ...(await bearer('school counsellor')),
          'x-request-id': requestId,
          ...(identity ? { [SUBGRAPH_IDENTITY_HEADER]: identity } : {}),
        });
      const sign = (key: CryptoKey, subgraph: string, body: object, requestId = 'r7') =>
        signSubgraphIdentity(key, subgraph, requestId, JSON.stringify(body));
      const auditRows = () => (graph.subgraphs.sip.prisma as any).auditGroup.count();

      it('answers, and logs, only a subgraph that signs which it is, for this request and body, once', async () => {
        const before = await auditRows();
        const forger = await generateSigningKeyPair();
        const health = graph.identityKeys.health.privateKey;
        const body = question();
        const replayed = await sign(health, 'health', body);
        expect((await ask(replayed, body)).status).toBe(200);
        const logged = await auditRows();
        for (const identity of [
          undefined,
          'not-a-jwt',
          await sign(forger.privateKey, 'school', body),
          await sign(health, 'school', body),
          await sign(health, 'health', body, 'another-request'),
          await sign(health, 'health', { ...body, questions: [] }),
          replayed,
        ]) {
          const response = await ask(identity, body);
          expect(response.status, identity).toBe(401);
          expect(response.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
        }
        expect(logged).toBeGreaterThan(before);
        expect(await auditRows()).toBe(logged);
      });

      it('answers a call shown many times at once only once, and logs it once', async () => {
        const body = question();
        const signed = await sign(graph.identityKeys.health.privateKey, 'health', body, 'r10');
        // Sent together, the copies are stored in one statement or in a few: either way one is the first.
        const responses = await Promise.all(Array.from({ length: 6 }, () => ask(signed, body, 'r10')));
        expect(responses.map((response) => response.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
        const rows = await (graph.subgraphs.sip.prisma as any).auditGroup.count({ where: { requestId: 'r10' } });
        expect(rows).toBe(1);
      });

      it('lets only the first of copies of a call stored in the same statement through', async () => {
        const prisma = graph.subgraphs.sip.prisma as never;
        const expiresAt = new Date(Date.now() + 30_000);
        const call = (jti: string) => storeAudit(prisma, [], [], { call: { jti, expiresAt }, epoch: null });
        // While one write is under way, the copies wait for the next, together.
        const underWay = call(randomUUID());
        const copy = randomUUID();
        const outcomes = await Promise.all([call(copy), call(copy), call(copy)]);
        await underWay;
        expect(outcomes.map((outcome) => outcome.replayed)).toEqual([false, true, true]);
      });

      it('refuses a call shown before to a restarted SIP core or another one on the same database', async () => {
        const body = question();
        const signed = await sign(graph.identityKeys.health.privateKey, 'health', body, 'r9');
        expect((await ask(signed, body, 'r9')).status).toBe(200);
        // What a SIP core starting afresh (a restart, a replica) would check the same call with.
        const restarted = createSubgraphIdentityVerifier(
          { health: graph.identityKeys.health.publicKey },
          subgraphCallFirstUse(graph.subgraphs.sip.prisma as never),
        );
        expect(await restarted(signed, 'r9', Buffer.from(JSON.stringify(body)))).toBeNull();
        const fresh = await sign(graph.identityKeys.health.privateKey, 'health', body, 'r9');
        expect(await restarted(fresh, 'r9', Buffer.from(JSON.stringify(body)))).toBe('health');
      });

      it('logs the subgraph that signed, whatever the body claims', async () => {
        const body = { ...question(), subgraph: 'school' };
        const response = await ask(await sign(graph.identityKeys.health.privateKey, 'health', body, 'r8'), body, 'r8');
        expect(response.status).toBe(200);
        const [row] = await (graph.subgraphs.sip.prisma as any).auditGroup.findMany({
          where: { requestId: 'r8' },
          select: { subgraph: true },
        });
        expect(row.subgraph).toBe('health');
      });
    });

    describe("the SIP core's consent decisions for several requests in one call", () => {
      const batchesUrl = () => new URL('/consent/decision-batches', graph.subgraphs.sip.url).toString();
      const questions = () => [{ childId: child.id, scope: 'HEALTH_CARE_CONTACTS', fields: ['Child.careContacts'] }];
      const call = (identity: string | undefined, body: object, requestId = 'batch-1') =>
        postGraphQL(batchesUrl(), JSON.stringify(body), {
          'x-request-id': requestId,
          ...(identity ? { [SUBGRAPH_IDENTITY_HEADER]: identity } : {}),
        });
      const signed = (body: object, requestId = 'batch-1') =>
        signSubgraphIdentity(graph.identityKeys.health.privateKey, 'health', requestId, JSON.stringify(body));
      const logged = (requestId: string) =>
        (graph.subgraphs.sip.prisma as any).auditGroup.findMany({
          where: { requestId },
          select: { requesterSubject: true, subgraph: true, granted: true },
        });

      it("decides each request for its own reader's token, and answers none whose token is not genuine", async () => {
        const counsellor = await graph.token('school counsellor');
        const forged = await new SignJWT({ role: 'school_counsellor' })
          .setProtectedHeader({ alg: 'ES256' })
          .setSubject('forged')
          .setExpirationTime('5m')
          .sign((await generateSigningKeyPair()).privateKey);
        const body = {
          asks: [
            { requestId: 'batch-a', token: counsellor, questions: questions() },
            { requestId: 'batch-b', token: forged, questions: questions() },
          ],
        };
        const response = (await call(await signed(body), body)) as any;
        expect(response.status).toBe(200);
        expect(response.answers).toEqual([
          {
            requestId: 'batch-a',
            decisions: [expect.objectContaining({ childId: child.id, granted: false, reason: 'NO_RELATION' })],
          },
          { requestId: 'batch-b', error: 'UNAUTHENTICATED' },
        ]);
        expect(await logged('batch-a')).toEqual([
          { requesterSubject: decodeJwt(counsellor).sub, subgraph: 'health', granted: false },
        ]);
        expect(await logged('batch-b')).toEqual([]);
      });

      it('answers, and logs, only a subgraph that signs which it is, for this body, once', async () => {
        const body = { asks: [{ requestId: 'batch-c', token: await graph.token('school counsellor'), questions: [] }] };
        const once = await signed(body, 'batch-2');
        expect((await call(once, body, 'batch-2')).status).toBe(200);
        for (const identity of [
          undefined,
          once,
          await signed({ ...body, asks: [] }, 'batch-3'),
          await signSubgraphIdentity(graph.identityKeys.health.privateKey, 'school', 'batch-4', JSON.stringify(body)),
        ]) {
          const response = await call(identity, body, 'batch-4');
          expect(response.status).toBe(401);
          expect(response.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
        }
      });

      it('refuses a malformed ask with a clear error, deciding nothing', async () => {
        const body = { asks: [{ requestId: 'not a request id!', token: 'x', questions: questions() }] };
        const response = await call(await signed(body, 'batch-5'), body, 'batch-5');
        expect(response.status).toBe(400);
        expect(response.errors?.[0]).toMatchObject({
          extensions: { code: 'BAD_REQUEST' },
          message: expect.stringContaining('asks: [{ requestId, token, questions'),
        });
      });
    });

    it('still enforces consent for a genuine token of another agency', async () => {
      const response = await callHealth(await bearer('school counsellor'));
      expect(response.data).toEqual({ _entities: [{ id: child.id, careContacts: null }] });
      expect(response.errors).toEqual([
        expect.objectContaining({
          path: ['_entities', 0, 'careContacts'],
          extensions: expect.objectContaining({ code: 'CONSENT_REQUIRED', reason: 'NO_RELATION' }),
        }),
      ]);
    });

    it("refuses another agency's staff the subgraph's own root queries", async () => {
      const response = await postGraphQL(
        graph.subgraphs.health.url,
        { query: '{ careContactsAtUnit(unitName: "BUP Test") { nodes { unitName } } }' },
        await bearer('school counsellor'),
      );
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
