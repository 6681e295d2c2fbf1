import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSchool, EXAMPLE_CIVIC_NUMBERS, EXAMPLE_IDS as I } from '../../../standins/ss12000/example-school.ts';
import { createSs12000Validator, type Ss12000SchemaRef } from '../../../standins/ss12000/schemas/index.ts';
import { startSs12000StandIn, type Ss12000StandIn } from '../../../standins/ss12000/server.ts';
import * as codeLists from '../../../subgraphs/school/ss12000/code-lists.ts';

const TOKEN = 'ss12000-stand-in-test-token';
const validator = createSs12000Validator();
const UNKNOWN_ID = '99999999-0000-4000-8000-000000000099';

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** One HTTP request to the stand-in; `body` as a string is sent as is (to send malformed JSON). */
async function call(
  standIn: Ss12000StandIn,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  { body, token = TOKEN }: { body?: unknown; token?: string | null } = {},
): Promise<Answer> {
  const response = await fetch(standIn.url + pathAndQuery, {
    method,
    headers: {
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const items = (answer: Answer): any[] => (Array.isArray(answer.body) ? answer.body : answer.body.data);

/** Every endpoint the SS 12000 client calls, and a few more the stand-in serves, with their schemas. */
const ENDPOINTS: {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  request?: Ss12000SchemaRef;
  response: Ss12000SchemaRef;
  expectIds?: string[];
}[] = [
  {
    name: 'persons by civic number',
    method: 'POST',
    path: '/persons/lookup',
    body: { civicNos: [EXAMPLE_CIVIC_NUMBERS.alva, EXAMPLE_CIVIC_NUMBERS.leo] },
    request: 'person.schema.json#/$defs/PersonsLookup',
    response: 'person.schema.json#/$defs/PersonsExpandedArray',
    expectIds: [I.alva, I.leo],
  },
  {
    name: "persons' group memberships",
    method: 'POST',
    path: '/persons/lookup?expand=groupMemberships',
    body: { ids: [I.alva, I.wilma] },
    request: 'person.schema.json#/$defs/PersonsLookup',
    response: 'person.schema.json#/$defs/PersonsExpandedArray',
    expectIds: [I.alva, I.wilma],
  },
  {
    name: 'a person with every expansion',
    method: 'GET',
    path: `/persons/${I.maria}?${['responsibleFor', 'placements', 'ownedPlacements', 'duties', 'groupMemberships']
      .map((name) => `expand=${name}`)
      .join('&')}`,
    response: 'person.schema.json#/$defs/PersonExpanded',
  },
  {
    name: 'persons listed by civic number',
    method: 'GET',
    path: `/persons?civicNo=${EXAMPLE_CIVIC_NUMBERS.noah}`,
    response: 'person.schema.json#/$defs/PersonsExpanded',
    expectIds: [I.noah],
  },
  {
    name: "children's placements",
    method: 'POST',
    path: '/placements/lookup',
    body: { personIds: [I.alva, I.elias] },
    request: 'placement.schema.json#/$defs/PlacementsLookup',
    response: 'placement.schema.json#/$defs/PlacementsArray',
    expectIds: [I.alvaAtFritids],
  },
  {
    name: "a child's placements, listed with child and owners",
    method: 'GET',
    path: `/placements?child=${I.alva}&expand=child&expand=owners`,
    response: 'placement.schema.json#/$defs/Placements',
    expectIds: [I.alvaAtFritids],
  },
  {
    name: 'groups with their assignment roles',
    method: 'POST',
    path: '/groups/lookup?expand=assignmentRoles',
    body: { ids: [I.class7A, I.mentorGroup7A] },
    request: 'group.schema.json#/$defs/GroupsLookup',
    response: 'group.schema.json#/$defs/GroupsExpandedArray',
    expectIds: [I.class7A, I.mentorGroup7A],
  },
  {
    name: "a school unit's classes",
    method: 'GET',
    path: `/groups?groupType=Klass&organisation=${I.bjorkhagen}`,
    response: 'group.schema.json#/$defs/GroupsExpanded',
    expectIds: [I.class7A],
  },
  {
    name: 'organisations by id and school unit code',
    method: 'POST',
    path: '/organisations/lookup',
    body: { ids: [I.municipality], schoolUnitCodes: ['99990002'] },
    request: 'organisation.schema.json#/$defs/OrganisationsLookup',
    response: 'organisation.schema.json#/$defs/OrganisationsArray',
    expectIds: [I.municipality, I.larkan],
  },
  {
    name: 'school units listed by code',
    method: 'GET',
    path: '/organisations?schoolUnitCode=99990001&schoolUnitCode=99990002&type=Skolenhet',
    response: 'organisation.schema.json#/$defs/Organisations',
    expectIds: [I.bjorkhagen, I.larkan],
  },
  {
    name: 'an organisation by id',
    method: 'GET',
    path: `/organisations/${I.bjorkhagen}`,
    response: 'organisation.schema.json#/$defs/Organisation',
  },
  {
    name: 'duties by id',
    method: 'POST',
    path: '/duties/lookup',
    body: { ids: [I.karinAsTeacher] },
    request: 'duty.schema.json#/$defs/DutiesLookup',
    response: 'duty.schema.json#/$defs/DutiesArray',
    expectIds: [I.karinAsTeacher],
  },
  {
    name: "duties in the municipality's units, with the person",
    method: 'GET',
    path: `/duties?organisation=${I.municipality}&expand=person`,
    response: 'duty.schema.json#/$defs/Duties',
    expectIds: [I.karinAsTeacher, I.saraAsKurator],
  },
  {
    name: "a student's absences in a period",
    method: 'GET',
    // %2B: a '+' in a query string must be encoded, or it arrives as a space.
    path: `/absences?student=${I.alva}&endTime.onOrAfter=2026-03-01T00:00:00Z&startTime.onOrBefore=${encodeURIComponent(
      '2026-03-31T23:59:59+02:00',
    )}`,
    response: 'absence.schema.json#/$defs/Absences',
    expectIds: ['77777777-0000-4000-8000-000000000001', '77777777-0000-4000-8000-000000000002'],
  },
  {
    name: 'absences by id',
    method: 'POST',
    path: '/absences/lookup',
    body: { ids: ['77777777-0000-4000-8000-000000000005'] },
    request: 'absence.schema.json#/$defs/AbsencesLookup',
    response: 'absence.schema.json#/$defs/AbsencesArray',
    expectIds: ['77777777-0000-4000-8000-000000000005'],
  },
  {
    name: "students' attendance over a period",
    method: 'GET',
    path: `/aggregatedAttendance?startDate=2026-03-01&endDate=2026-03-31&student=${I.alva}&student=${I.elias}`,
    response: 'aggregated-attendance.schema.json#/$defs/AggregatedAttendances',
  },
];

describe('the SS 12000 stand-in', () => {
  let standIn: Ss12000StandIn;
  beforeAll(async () => {
    standIn = await startSs12000StandIn({ token: TOKEN, data: exampleSchool() });
  });
  afterAll(() => standIn?.stop());

  describe('answers in the standard’s shapes', () => {
    it.each(ENDPOINTS)('$method $path ($name)', async ({ method, path, body, request, response, expectIds }) => {
      if (request) expect(validator.violations(request, body)).toEqual([]);
      const answer = await call(standIn, method, path, { body });
      expect(answer.status).toBe(200);
      expect(validator.violations(response, answer.body)).toEqual([]);
      if (expectIds) expect(items(answer).map((item) => item.id)).toEqual([...expectIds].sort());
    });

    it('embeds what each expansion names', async () => {
      const maria = (await call(standIn, 'GET', ENDPOINTS[2].path)).body;
      expect(maria._embedded).toEqual({
        responsibleFor: [{ person: { id: I.alva }, relationType: 'Vårdnadshavare' }],
        placements: [],
        ownedPlacements: [expect.objectContaining({ id: I.alvaAtFritids })],
        duties: [],
        groupMemberships: [],
      });
      const [alva] = (
        await call(standIn, 'POST', '/persons/lookup?expand=groupMemberships', { body: { ids: [I.alva] } })
      ).body;
      expect(alva._embedded.groupMemberships.map((m: any) => [m.group.displayName, m.group.groupType])).toEqual([
        ['7A', 'Klass'],
        ['Mentorsgrupp 7A', 'Mentor'],
      ]);
      const [class7A] = (
        await call(standIn, 'POST', '/groups/lookup?expand=assignmentRoles', { body: { ids: [I.class7A] } })
      ).body;
      expect(class7A._embedded.assignmentRoles).toEqual([
        { duty: { id: I.karinAsTeacher }, assignmentRoleType: 'Mentor', startDate: '2025-08-18' },
      ]);
    });

    it('sums attendance inside the period asked about, per student and activity', async () => {
      const answer = await call(standIn, 'GET', ENDPOINTS[ENDPOINTS.length - 1].path);
      expect(answer.body).toEqual({
        data: [
          expect.objectContaining({
            student: { id: I.alva },
            attendanceSum: 60,
            validAbsenceSum: 60,
            invalidAbsenceSum: 60,
          }),
          expect.objectContaining({
            student: { id: I.elias },
            attendanceSum: 120,
            validAbsenceSum: 60,
            invalidAbsenceSum: 0,
          }),
        ],
        pageToken: null,
      });
      expect(answer.body.data[0]).toMatchObject({ startDate: '2026-03-01', endDate: '2026-03-31', offeredSum: 180 });
    });

    it('stamps meta on what it serves', async () => {
      const [bjorkhagen] = (await call(standIn, 'POST', '/organisations/lookup', { body: { ids: [I.bjorkhagen] } }))
        .body;
      expect(Date.parse(bjorkhagen.meta.created)).not.toBeNaN();
      expect(bjorkhagen.meta.modified).toBe(bjorkhagen.meta.created);
    });

    it('serves data added at run time through its store', async () => {
      const id = '22222222-0000-4000-8000-000000000042';
      standIn.store.addPerson({ id, givenName: 'Ny', familyName: 'Elev', civicNo: { value: '201401012380' } });
      const answer = await call(standIn, 'POST', '/persons/lookup', { body: { civicNos: ['201401012380'] } });
      expect(answer.body).toEqual([expect.objectContaining({ id, givenName: 'Ny' })]);
      expect(validator.violations('person.schema.json#/$defs/PersonsExpandedArray', answer.body)).toEqual([]);
    });

    it('holds its code lists to the schemas’', () => {
      const lists: [readonly string[], Ss12000SchemaRef][] = [
        [codeLists.SCHOOL_TYPES, 'common.schema.json#/$defs/SchoolType'],
        [codeLists.ORGANISATION_TYPES, 'common.schema.json#/$defs/OrganisationType'],
        [codeLists.GROUP_TYPES, 'common.schema.json#/$defs/GroupType'],
        [codeLists.DUTY_ROLES, 'common.schema.json#/$defs/DutyRole'],
        [codeLists.ASSIGNMENT_ROLE_TYPES, 'common.schema.json#/$defs/AssignmentRoleType'],
        [codeLists.ABSENCE_TYPES, 'common.schema.json#/$defs/AbsenceType'],
        [codeLists.RELATION_TYPES, 'common.schema.json#/$defs/RelationType'],
        [codeLists.SECURITY_MARKINGS, 'common.schema.json#/$defs/SecurityMarking'],
      ];
      for (const [list, ref] of lists) expect([...list], ref).toEqual(validator.definition(ref).enum);
    });
  });

  describe('authentication', () => {
    it.each([
      ['no token', null, 'missing_token', 'Bearer realm="SS 12000"'],
      ['another token', 'not-the-token', 'invalid_token', 'Bearer realm="SS 12000", error="invalid_token"'],
    ])('answers 401 in the standard’s error shape with %s', async (_, token, code, challenge) => {
      for (const [method, path, body] of [
        ['GET', '/persons', undefined],
        ['POST', '/persons/lookup', { civicNos: [EXAMPLE_CIVIC_NUMBERS.alva] }],
        ['GET', `/groups/${I.class7A}`, undefined],
      ] as const) {
        const answer = await call(standIn, method, path, { body, token });
        expect(answer.status, `${method} ${path}`).toBe(401);
        expect(answer.body).toEqual({ code, message: expect.any(String) });
        expect(validator.violations('common.schema.json#/$defs/Error', answer.body)).toEqual([]);
        expect(answer.headers.get('www-authenticate')).toBe(challenge);
      }
    });
  });

  describe('paging', () => {
    /** Every item of a list, following `pageToken` with nothing but `limit` beside it. */
    async function allPagesOf(target: Ss12000StandIn, path: string, limit: number, onPage?: (n: number) => void) {
      const ids: string[] = [];
      let answer = await call(target, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`);
      for (let page = 1; ; page++) {
        expect(answer.status).toBe(200);
        expect(validator.violations('person.schema.json#/$defs/PersonsExpanded', answer.body)).toEqual([]);
        ids.push(...answer.body.data.map((person: any) => person.id));
        onPage?.(page);
        if (answer.body.pageToken === null) return ids;
        answer = await call(target, 'GET', `/persons?limit=${limit}&pageToken=${answer.body.pageToken}`);
      }
    }

    it('returns every item across pages, each once, with a null pageToken on the last', async () => {
      const everyone = standIn.store.persons.all().map((person) => person.id);
      let pages = 0;
      expect(await allPagesOf(standIn, '/persons', 3, (n) => (pages = n))).toEqual(everyone);
      expect(pages).toBe(Math.ceil(everyone.length / 3));
    });

    it('keeps the first page’s filters in the token', async () => {
      const ids = await allPagesOf(standIn, '/persons?nameContains=e', 1);
      expect(ids).toEqual(
        standIn.store.persons
          .all()
          .filter((p) => `${p.givenName} ${p.familyName}`.toLowerCase().includes('e'))
          .map((p) => p.id),
      );
    });

    it('returns no more than its largest page, whatever limit asks for', async () => {
      const small = await startSs12000StandIn({ token: TOKEN, data: exampleSchool(), maxPageSize: 2 });
      try {
        const first = await call(small, 'GET', '/persons?limit=100');
        expect(first.body.data).toHaveLength(2);
        // Added between pages, after the first page's last id: it is on a later page.
        small.store.addPerson({ id: 'ffffffff-0000-4000-8000-000000000001', givenName: 'Sen', familyName: 'Elev' });
        const ids = await allPagesOf(small, '/persons', 100);
        expect(ids).toContain('ffffffff-0000-4000-8000-000000000001');
        expect(new Set(ids).size).toBe(ids.length);
      } finally {
        await small.stop();
      }
    });

    it('refuses filters beside a pageToken, and tokens it did not give out for the endpoint', async () => {
      const { pageToken } = (await call(standIn, 'GET', '/persons?limit=1')).body;
      const withFilter = await call(standIn, 'GET', `/persons?pageToken=${pageToken}&civicNo=201303141236`);
      expect([withFilter.status, withFilter.body.code]).toEqual([400, 'invalid_filter']);
      const elsewhere = await call(standIn, 'GET', `/groups?pageToken=${pageToken}`);
      expect([elsewhere.status, elsewhere.body.code]).toEqual([400, 'invalid_page_token']);
      const garbage = await call(standIn, 'GET', '/persons?pageToken=not-a-token');
      expect([garbage.status, garbage.body.code]).toEqual([400, 'invalid_page_token']);
    });
  });

  describe('bad input', () => {
    it.each<[method: 'GET' | 'POST', path: string, code: string, body?: unknown]>([
      ['GET', '/persons?limit=0', 'invalid_parameter'],
      ['GET', '/persons?limit=two', 'invalid_parameter'],
      ['GET', '/persons?nosuchfilter=1', 'invalid_parameter'],
      ['GET', '/persons?expandReferenceNames=true', 'invalid_parameter'],
      [
        'GET',
        `/persons?civicNo=${EXAMPLE_CIVIC_NUMBERS.alva}&civicNo=${EXAMPLE_CIVIC_NUMBERS.elias}`,
        'invalid_parameter',
      ],
      ['GET', '/placements?child=201303141236', 'invalid_parameter'],
      ['GET', '/absences?startTime.onOrAfter=2026-03-01', 'invalid_parameter'],
      // An unencoded '+' arrives as a space: not an RFC 3339 date-time.
      ['GET', '/absences?startTime.onOrAfter=2026-03-01T00:00:00+01:00', 'invalid_parameter'],
      ['GET', '/absences?type=Ogiltig', 'invalid_parameter'],
      ['GET', '/groups?expand=members', 'invalid_parameter'],
      ['GET', '/groups?startDate.onOrBefore=2026-02-30', 'invalid_parameter'],
      ['GET', '/aggregatedAttendance?student=' + I.alva, 'invalid_parameter'],
      ['GET', '/persons/201303141236', 'invalid_id'],
      ['POST', '/persons/lookup', 'invalid_body', '{"civicNos": ['],
      ['POST', '/persons/lookup', 'invalid_body', [EXAMPLE_CIVIC_NUMBERS.alva]],
      ['POST', '/persons/lookup', 'invalid_body', { civicNos: EXAMPLE_CIVIC_NUMBERS.alva }],
      ['POST', '/persons/lookup', 'invalid_body', { ids: [EXAMPLE_CIVIC_NUMBERS.alva] }],
      ['POST', '/persons/lookup', 'invalid_body', { personnummer: [EXAMPLE_CIVIC_NUMBERS.alva] }],
      ['POST', '/placements/lookup?sortkey=StartDateAsc', 'invalid_parameter', { personIds: [I.alva] }],
    ])('%s %s answers 400 %s', async (method, path, code, body) => {
      const answer = await call(standIn, method, path, { body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ code, message: expect.any(String) });
      expect(validator.violations('common.schema.json#/$defs/Error', answer.body)).toEqual([]);
      // The answer names the parameter, never the value: it may be a civic number.
      expect(answer.body.message).not.toContain(EXAMPLE_CIVIC_NUMBERS.alva);
    });

    it('answers 404 in the error shape for an unknown id and for what it does not serve', async () => {
      for (const path of [`/persons/${UNKNOWN_ID}`, `/groups/${UNKNOWN_ID}`, '/activities', '/grades/lookup']) {
        const method = path.endsWith('lookup') ? 'POST' : 'GET';
        const answer = await call(standIn, method, path, { body: method === 'POST' ? {} : undefined });
        expect(answer.status, path).toBe(404);
        expect(validator.violations('common.schema.json#/$defs/Error', answer.body)).toEqual([]);
      }
    });

    it('answers 503 (overload) to a lookup larger than it takes', async () => {
      const small = await startSs12000StandIn({ token: TOKEN, data: exampleSchool(), maxLookupSize: 2 });
      try {
        const civicNos = Object.values(EXAMPLE_CIVIC_NUMBERS);
        const tooMany = await call(small, 'POST', '/persons/lookup', { body: { civicNos } });
        expect([tooMany.status, tooMany.body.code]).toEqual([503, 'overload']);
        const fine = await call(small, 'POST', '/persons/lookup', { body: { civicNos: civicNos.slice(0, 2) } });
        expect(fine.body).toHaveLength(2);
      } finally {
        await small.stop();
      }
    });
  });
});
