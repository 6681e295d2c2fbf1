import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exampleSchool, EXAMPLE_CIVIC_NUMBERS, EXAMPLE_IDS as I } from '../../../standins/ss12000/example-school.ts';
import { createSs12000Validator, type Ss12000SchemaRef } from '../../../standins/ss12000/schemas/index.ts';
import { startSs12000StandIn, type Ss12000StandIn } from '../../../standins/ss12000/server.ts';
import { ErrorCode } from '../../../lib/errors.ts';
import { SourceSystemError } from '../../../lib/source/source-system.ts';
import { Ss12000Error } from '../../../subgraphs/school/ss12000/ss12000-error.ts';
import { createSs12000Client, type Ss12000ClientOptions } from '../../../subgraphs/school/ss12000/ss12000-client.ts';

const TOKEN = 'ss12000-client-test-token';
const validator = createSs12000Validator();
const CIVIC_NUMBERS = Object.values(EXAMPLE_CIVIC_NUMBERS);
const STUDENTS = [I.alva, I.elias, I.noah, I.wilma, I.leo];
const UNKNOWN_PERSON = '22222222-0000-4000-8000-000000000099';
/** Anything that identifies a person: no error message may hold one. */
const PERSONAL_DATA = [...CIVIC_NUMBERS, ...STUDENTS, UNKNOWN_PERSON, 'Alva', 'Elias', 'Noah', 'Wilma', 'Leo'];

/** The schema each lookup's request body must conform to, by path. */
const LOOKUP_BODIES: Record<string, Ss12000SchemaRef> = {
  '/persons/lookup': 'person.schema.json#/$defs/PersonsLookup',
  '/placements/lookup': 'placement.schema.json#/$defs/PlacementsLookup',
  '/organisations/lookup': 'organisation.schema.json#/$defs/OrganisationsLookup',
  '/groups/lookup': 'group.schema.json#/$defs/GroupsLookup',
  '/duties/lookup': 'duty.schema.json#/$defs/DutiesLookup',
};

/** A client that counts its calls, as a test of calls per fetch would. */
function countingClient(url: string, options: Partial<Ss12000ClientOptions> = {}) {
  const calls: string[] = [];
  const client = createSs12000Client({
    url,
    token: TOKEN,
    timeoutMs: 30_000,
    onRequest: ({ method, path }) => calls.push(`${method} ${path}`),
    ...options,
  });
  return { client, calls };
}

/** The graph's SourceSystemError, as the school adapter will see it, with the SS 12000 details. */
async function failureOf(promise: Promise<unknown>): Promise<Ss12000Error> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SourceSystemError);
  expect(error).toBeInstanceOf(Ss12000Error);
  expect((error as SourceSystemError).extensions).toMatchObject({
    code: ErrorCode.SourceUnavailable,
    source: 'SS 12000',
  });
  return error as Ss12000Error;
}

/** The error as a log line or a GraphQL answer would show it: message, own fields and extensions. */
const asLogged = (error: Ss12000Error) => JSON.stringify({ ...error, message: error.message, json: error.toJSON() });

async function listen<T extends HttpServer | TcpServer>(server: T): Promise<T & { url: string }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(server, { url: `http://127.0.0.1:${port}/v2.0` });
}

const close = (server: HttpServer | TcpServer) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('the SS 12000 client against the stand-in', () => {
  let standIn: Ss12000StandIn;
  beforeAll(async () => {
    // Pages of two, so that every list the client reads has several.
    standIn = await startSs12000StandIn({ token: TOKEN, data: exampleSchool(), maxPageSize: 2 });
  });
  afterAll(() => standIn?.stop());
  afterEach(() => standIn.clearRequests());

  it('checks the server answers, with the token', async () => {
    const { client, calls } = countingClient(standIn.url);
    await expect(client.check()).resolves.toBeUndefined();
    expect(calls).toEqual(['GET /organisations']);
    const { client: refused } = countingClient(standIn.url, { token: 'wrong' });
    expect((await failureOf(refused.check())).status).toBe(401);
  });

  describe('batches', () => {
    it("reads many children's persons in one lookup call", async () => {
      const { client, calls } = countingClient(standIn.url);
      const persons = await client.personsByCivicNumber([...CIVIC_NUMBERS, '201401012380', CIVIC_NUMBERS[0]]);
      expect(calls).toEqual(['POST /persons/lookup']);
      expect([...persons.keys()].sort()).toEqual([...CIVIC_NUMBERS].sort());
      expect(persons.get(EXAMPLE_CIVIC_NUMBERS.alva)).toMatchObject({
        id: I.alva,
        givenName: 'Alva',
        enrolments: [{ enroledAt: { id: I.bjorkhagen }, schoolType: 'GR', schoolYear: 7 }],
      });
      expect(standIn.requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/persons/lookup',
          body: { civicNos: [...CIVIC_NUMBERS, '201401012380'] },
        }),
      ]);
    });

    it('reads group memberships, placements, organisations, groups and duties in one call each', async () => {
      const { client, calls } = countingClient(standIn.url);
      const memberships = await client.groupMembershipsOf([...STUDENTS, UNKNOWN_PERSON]);
      expect(memberships.get(I.alva)?.map(({ group }) => [group.displayName, group.groupType])).toEqual([
        ['7A', 'Klass'],
        ['Mentorsgrupp 7A', 'Mentor'],
      ]);
      expect(memberships.get(UNKNOWN_PERSON)).toEqual([]);

      const placements = await client.placementsOf(STUDENTS);
      expect(placements.get(I.alva)?.map((placement) => placement.id)).toEqual([I.alvaAtFritids]);
      expect(placements.get(I.leo)).toEqual([]);

      const units = await client.organisationsBySchoolUnitCode(['99990001', '99990002', '00000000']);
      expect([...units.values()].map((unit) => unit.displayName)).toEqual(['Björkhagens skola', 'Lärkans skola']);
      expect((await client.organisations([I.municipality])).get(I.municipality)?.organisationType).toBe('Huvudman');

      // A class's mentor: the group's Mentor assignment names a duty, the duty a person.
      const class7A = (await client.groups([I.class7A])).get(I.class7A)!;
      const mentorDuties = class7A._embedded!.assignmentRoles!.filter((role) => role.assignmentRoleType === 'Mentor');
      const duties = await client.duties(mentorDuties.map((role) => role.duty.id));
      const mentors = await client.personsById([...duties.values()].map((duty) => duty.person!.id));
      expect([...mentors.values()].map((person) => person.givenName)).toEqual(['Karin']);

      expect(calls).toEqual([
        'POST /persons/lookup',
        'POST /placements/lookup',
        'POST /organisations/lookup',
        'POST /organisations/lookup',
        'POST /groups/lookup',
        'POST /duties/lookup',
        'POST /persons/lookup',
      ]);
      for (const request of standIn.requests)
        expect(validator.violations(LOOKUP_BODIES[request.path], request.body), request.path).toEqual([]);
    });

    it('makes no call for no keys', async () => {
      const { client, calls } = countingClient(standIn.url);
      expect(await client.personsByCivicNumber([])).toEqual(new Map());
      expect(await client.absencesOf([], { from: new Date('2026-01-01'), to: new Date('2026-12-31') })).toEqual(
        new Map(),
      );
      expect(calls).toEqual([]);
    });

    it('halves a lookup the server finds too large (503) until it answers', async () => {
      const small = await startSs12000StandIn({ token: TOKEN, data: exampleSchool(), maxLookupSize: 2 });
      try {
        const { client, calls } = countingClient(small.url);
        const persons = await client.personsByCivicNumber(CIVIC_NUMBERS);
        expect(persons.size).toBe(5);
        // 5 → 503; 3 → 503; 2, 1, 2 answered.
        expect(calls).toHaveLength(5);
      } finally {
        await small.stop();
      }
    });
  });

  describe('pages', () => {
    it("follows pageToken through a student's absences", async () => {
      const { client, calls } = countingClient(standIn.url);
      const year = { from: new Date('2026-01-01T00:00:00+01:00'), to: new Date('2026-12-31T23:59:59+01:00') };
      const absences = await client.absencesOf([I.alva, I.noah], year);
      expect(absences.get(I.alva)?.map((absence) => absence.type)).toEqual([
        'Anmäld frånvaro',
        'Anmäld frånvaro',
        'Beviljad ledighet',
      ]);
      expect(absences.get(I.noah)).toEqual([]);
      // Alva's three on pages of two, Noah's none on one page: the standard filters one student per call.
      expect(calls).toEqual(['GET /absences', 'GET /absences', 'GET /absences']);
      const [first, second] = standIn.requests.filter((r) => r.query.student?.[0] === I.alva || r.query.pageToken);
      expect(first.query).toMatchObject({ student: [I.alva], 'endTime.onOrAfter': [year.from.toISOString()] });
      expect(Object.keys(second.query)).toEqual(['pageToken']);
    });

    it('keeps to the period: absences overlapping it, not after it', async () => {
      const { client } = countingClient(standIn.url);
      const march = { from: new Date('2026-03-01T00:00:00+01:00'), to: new Date('2026-03-31T23:59:59+02:00') };
      expect((await client.absencesOf([I.alva], march)).get(I.alva)).toHaveLength(2);
    });

    it("reads several students' attendance in one list, page by page", async () => {
      const { client, calls } = countingClient(standIn.url, { pageSize: 1 });
      const attendance = await client.aggregatedAttendanceOf([I.alva, I.elias, I.leo], {
        from: '2026-03-01',
        to: '2026-03-31',
      });
      expect(attendance.get(I.alva)).toEqual([expect.objectContaining({ invalidAbsenceSum: 60, validAbsenceSum: 60 })]);
      expect(attendance.get(I.elias)).toEqual([expect.objectContaining({ invalidAbsenceSum: 0, attendanceSum: 120 })]);
      expect(attendance.get(I.leo)).toEqual([]);
      expect(calls).toEqual(['GET /aggregatedAttendance', 'GET /aggregatedAttendance']);
      expect(standIn.requests[0].query.student).toEqual([I.alva, I.elias, I.leo]);
      expect(standIn.requests[1].query).toEqual({ pageToken: [expect.any(String)], limit: ['1'] });
    });
  });

  describe('failures', () => {
    const failures: Ss12000Error[] = [];
    afterAll(() => {
      // Whatever went wrong, no message or field names a person.
      expect(failures.length).toBeGreaterThanOrEqual(5);
      for (const failure of failures) for (const datum of PERSONAL_DATA) expect(asLogged(failure)).not.toContain(datum);
    });
    const record = (failure: Ss12000Error) => (failures.push(failure), failure);

    it('times out on a slow server', async () => {
      standIn.setResponseDelay(10_000);
      try {
        const { client } = countingClient(standIn.url, { timeoutMs: 300 });
        const failure = record(await failureOf(client.personsByCivicNumber(CIVIC_NUMBERS)));
        expect([failure.failure, failure.system]).toEqual(['timeout', 'SS 12000']);
        expect(failure.message).toBe('SS 12000 is unavailable: no answer to POST /persons/lookup within 300 ms');
      } finally {
        standIn.setResponseDelay(0);
      }
    });

    it('times out on a port that accepts connections and never answers', async () => {
      const sockets = new Set<Socket>();
      const silent = await listen(createTcpServer((socket) => void sockets.add(socket)));
      try {
        const { client } = countingClient(silent.url, { timeoutMs: 300 });
        const failure = record(await failureOf(client.groupMembershipsOf(STUDENTS)));
        expect(failure.failure).toBe('timeout');
        expect(failure.message).toBe('SS 12000 is unavailable: no answer to POST /persons/lookup within 300 ms');
      } finally {
        for (const socket of sockets) socket.destroy();
        await close(silent);
      }
    });

    it('names SS 12000 when the server is down', async () => {
      const gone = await listen(createTcpServer());
      await close(gone);
      const { client } = countingClient(gone.url);
      const failure = record(await failureOf(client.personsByCivicNumber(CIVIC_NUMBERS)));
      expect(failure.failure).toBe('unreachable');
      expect(failure.message).toBe(
        'SS 12000 is unavailable: it could not be reached for POST /persons/lookup (ECONNREFUSED)',
      );
    });

    it("gives the HTTP status and the standard's error code, not the server's message", async () => {
      const { client } = countingClient(standIn.url, { token: 'wrong' });
      const unauthorised = record(await failureOf(client.personsByCivicNumber(CIVIC_NUMBERS)));
      expect([unauthorised.failure, unauthorised.status, unauthorised.sourceCode]).toEqual([
        'status',
        401,
        'invalid_token',
      ]);
      expect(unauthorised.message).toBe(
        'SS 12000 is unavailable: it answered POST /persons/lookup with HTTP 401 (code invalid_token)',
      );

      // A civic number where a person id belongs: the query names it, the error does not.
      const { client: right } = countingClient(standIn.url);
      const badInput = record(
        await failureOf(right.absencesOf([CIVIC_NUMBERS[0]], { from: new Date(), to: new Date() })),
      );
      expect(badInput.message).toBe(
        'SS 12000 is unavailable: it answered GET /absences with HTTP 400 (code invalid_parameter)',
      );
    });

    it('takes an answer that is not the standard’s for an invalid response', async () => {
      let answers = 0;
      const odd = await listen(
        createHttpServer((req, res) => {
          answers++;
          res.setHeader('content-type', 'application/json');
          // Lookups get no array; lists hand out the same pageToken for ever.
          res.end(req.method === 'POST' ? '{"persons": []}' : JSON.stringify({ data: [], pageToken: 'again' }));
        }),
      );
      try {
        const { client } = countingClient(odd.url);
        const notAnArray = record(await failureOf(client.personsByCivicNumber(CIVIC_NUMBERS)));
        expect(notAnArray.message).toBe(
          'SS 12000 is unavailable: it answered POST /persons/lookup with a body that is not what the standard defines',
        );
        const loop = record(await failureOf(client.absencesOf([I.alva], { from: new Date(), to: new Date() })));
        expect(loop.failure).toBe('invalid_response');
        expect(answers).toBe(3);
      } finally {
        await close(odd);
      }
    });
  });
});
