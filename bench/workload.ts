import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DevIdentity, TokenClaims } from '../dev/dev-identity.ts';
import type { RunningGraph } from '../dev/start-graph.ts';
import { toEpisodeOfCare } from '../subgraphs/health/fhir/care-resources.ts';
import { toSs12000Data } from '../subgraphs/school/ss12000/student-records.ts';
import { standInPatient, standInPatientId } from '../standins/fhir/patients.ts';
import type { PrismaClient as SipPrisma } from '../prisma/sip/client/client.ts';
import { httpCall } from '../lib/http-client.ts';
import { luhnCheckDigit } from '../subgraphs/sip/consent-authority/children/personnummer.ts';

export const CHILDREN = Number(process.env.BENCH_CHILDREN) || 100;
const BENCH_SCHOOL = '40000000';

/** A school's students (its own root field), each child's name and two other agencies' fields. */
export const QUERY = `query ($first: Int!) {
  schoolPlacements(schoolUnitCode: "${BENCH_SCHOOL}", first: $first) { nodes {
  child { id givenName careContacts { unitName } openSocialCase { caseNumber } } } } }`;

/** One child by id, with the same fields: the read of a single child's page. */
export const CHILD_QUERY = `query ($id: ID!) {
  child(id: $id) { id givenName careContacts { unitName } openSocialCase { caseNumber } } }`;

export interface Body {
  // The bench states the shape of what it asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Long enough for the last request of a burst of 1,000. */
export const CLIENT_TIMEOUT_MS = 300_000;

// The client calls with the same HTTP client as the gateway's subgraph fetches, so that a replay of
// the gateway's plan (several calls a request) is not handicapped against the gateway (one).
export async function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const answer = await httpCall(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    timeoutMs: CLIENT_TIMEOUT_MS,
  });
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.body}`);
  return { body: JSON.parse(answer.body) as Body, requestId: answer.headers.get('x-request-id') ?? null };
}

/**
 * CHILDREN children at one school, each with a care contact and an open case, each under their
 * guardian's consent to school as a whole: every guarded field the counsellor reads is granted.
 * Each is registered from the population register (written first, as the municipality's Navet
 * integration would), by a registrar of its own: lookups by personnummer are limited per hour.
 */
export async function addChildren(
  graph: RunningGraph,
  dev: DevIdentity,
  registrar: TokenClaims,
): Promise<{ childIds: string[]; guardianToken: string }> {
  const childIds: string[] = [];
  let guardianToken = '';
  const register = (graph.subgraphs.sip.prisma as unknown as SipPrisma).populationRecord;
  // Maria Lindqvist, a demo guardian, is every bench child's custodian.
  const guardian = '198005129914';
  for (let i = 0; i < CHILDREN; i++) {
    const serial = String(100 + i);
    const date = `2013${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}`;
    const personnummer = `${date}-${serial}${luhnCheckDigit(date.slice(2) + serial)}`;
    await register.create({
      data: {
        personnummer: personnummer.replace('-', ''),
        givenName: `Barn${i}`,
        familyName: 'Bench',
        guardians: [{ personnummer: guardian, hasCustody: true }],
      },
    });
    const { body } = await post(
      graph.gateway.url,
      await dev.issueToken({ ...registrar, sub: `bench-registrar-${i}` }),
      `mutation ($input: RegisterChildInput!) { registerChild(input: $input) { id guardians { guardian { id } } } }`,
      { input: { personnummer } },
    );
    const childId = body.data.registerChild.id;
    childIds.push(childId);
    const guardianId = body.data.registerChild.guardians[0].guardian.id;
    guardianToken ||= await dev.issueToken({ sub: guardianId, role: 'guardian', name: 'Maria Lindqvist' });
    await post(
      graph.gateway.url,
      guardianToken,
      `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
      {
        input: {
          childId,
          scopes: ['HEALTH_CARE_CONTACTS', 'SOCIAL_CASE'],
          recipients: { sipParticipants: false, wholeAgencies: ['SCHOOL'] },
          purpose: 'bench',
          validFrom: '2026-01-01T00:00:00Z',
          validUntil: '2036-01-01T00:00:00Z',
        },
      },
    );
    await graph.standIns.school!.load(
      toSs12000Data([
        {
          childId,
          personnummer: personnummer.replace('-', ''),
          enrolments: [
            {
              schoolName: 'Bänkskolan',
              schoolUnitCode: BENCH_SCHOOL,
              className: '7A',
              grade: 7,
              mentor: null,
              startDate: new Date('2025-08-18'),
            },
          ],
        },
      ]),
    );
    await graph.standIns.health!.load([
      standInPatient(childId, personnummer.replace('-', '')),
      toEpisodeOfCare(undefined, standInPatientId(childId), {
        unitName: 'BUP Bench',
        unitType: 'BUP',
        startDate: new Date('2020-01-01'),
      }),
    ]);
    await graph.standIns.social!.load({
      cases: [
        {
          id: randomUUID(),
          personnummer: personnummer.replace('-', ''),
          caseNumber: `B-${i}`,
          openedAt: new Date('2020-01-01'),
          handlingOfficer: 'Bench',
        },
      ],
    });
  }
  return { childIds, guardianToken };
}

/**
 * While a run goes on, the guardian gives one more consent every `everyMs` (to another child each
 * time) and withdraws the one before: each change is a new consent epoch, so the SIP core's facts
 * are read again as in use, while every read of the run stays granted.
 */
export function changeConsentsMeanwhile(
  url: string,
  guardianToken: string,
  childIds: readonly string[],
  everyMs = 1000,
) {
  let given: string | null = null;
  let changes = 0;
  let i = 0;
  const change = async () => {
    const { body } = await post(
      url,
      guardianToken,
      `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`,
      {
        input: {
          childId: childIds[i++ % childIds.length],
          scopes: ['SCHOOL_ATTENDANCE'],
          recipients: { sipParticipants: false, wholeAgencies: ['HEALTH_CARE'] },
          purpose: 'bench: a change during the run',
          validFrom: '2026-01-01T00:00:00Z',
          validUntil: '2036-01-01T00:00:00Z',
        },
      },
    );
    if (given)
      await post(
        url,
        guardianToken,
        `mutation ($id: ID!) { withdrawConsent(consentId: $id, reason: "bench") { id } }`,
        {
          id: given,
        },
      );
    given = body.data?.giveConsent?.id ?? null;
    changes++;
  };
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(change);
  }, everyMs);
  return {
    /** Stops; the number of changes made. */
    stop: async () => {
      clearInterval(timer);
      await running;
      return changes;
    },
  };
}

export interface Round {
  throughput: number;
  latencies: number[];
  /** Each request's id (from the gateway's `x-request-id`) with its latency. */
  requests: Array<{ requestId: string | null; latency: number }>;
  /** Guarded values withheld as CONSENT_UNAVAILABLE. */
  unavailable: number;
}

/** What one request of a round asks, and whether its answer is whole. */
export interface Ask {
  token: string;
  query: string;
  variables: Record<string, unknown>;
  whole(body: Body): boolean;
}

/** The school's list of CHILDREN, by one reader. */
export const listAsk = (token: string): Ask => ({
  token,
  query: QUERY,
  variables: { first: CHILDREN },
  whole: (body) => body.data?.schoolPlacements?.nodes?.length === CHILDREN,
});

/**
 * As in use: several readers, and every other request one child's page rather than the list, each
 * child in turn.
 */
export const mixedAsks =
  (tokens: readonly string[], childIds: readonly string[]) =>
  (i: number): Ask =>
    i % 2 === 0
      ? listAsk(tokens[i % tokens.length])
      : {
          token: tokens[i % tokens.length],
          query: CHILD_QUERY,
          variables: { id: childIds[i % childIds.length] },
          whole: (body) => typeof body.data?.child?.givenName === 'string',
        };

/**
 * `requests` requests, `concurrency` at a time, each made by `one(i)`, which says what it found:
 * the request's id, if any, and the guarded values withheld as CONSENT_UNAVAILABLE.
 */
export async function timedRound(
  requests: number,
  concurrency: number,
  one: (i: number) => Promise<{ requestId: string | null; unavailable: number }>,
): Promise<Round> {
  const done: Round['requests'] = [];
  let unavailable = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const t = performance.now();
        const found = await one(next++);
        done.push({ requestId: found.requestId, latency: performance.now() - t });
        unavailable += found.unavailable;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    throughput: requests / seconds,
    latencies: done.map((request) => request.latency).sort((a, b) => a - b),
    requests: done,
    unavailable,
  };
}

/**
 * `requests` requests through the graph at `url`, `concurrency` at a time, the i-th asking `ask(i)`
 * (by default the list, by `token`); checks every answer is whole.
 */
export const round = (
  url: string,
  token: string,
  requests: number,
  concurrency: number,
  ask: (i: number) => Ask = () => listAsk(token),
): Promise<Round> =>
  timedRound(requests, concurrency, async (i) => {
    const { token, query, variables, whole } = ask(i);
    const { body, requestId } = await post(url, token, query, variables);
    if (!whole(body)) throw new Error(`an answer was not whole: ${JSON.stringify(body.errors?.slice(0, 2))}`);
    return {
      requestId,
      unavailable: (body.errors ?? []).filter((e) => e.extensions?.code === 'CONSENT_UNAVAILABLE').length,
    };
  });

export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
