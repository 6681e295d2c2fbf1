import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DevIdentity, TokenClaims } from '../dev/dev-identity.ts';
import type { RunningGraph } from '../dev/start-graph.ts';
import { toEpisodeOfCare } from '../subgraphs/health/fhir/care-resources.ts';
import { toSs12000Data } from '../subgraphs/school/ss12000/student-records.ts';
import { standInPatient, standInPatientId } from '../standins/fhir/patients.ts';
import type { PrismaClient as SipPrisma } from '../prisma/sip/client/client.ts';
import { luhnCheckDigit } from '../subgraphs/sip/consent-authority/children/personnummer.ts';

export const CHILDREN = Number(process.env.BENCH_CHILDREN) || 100;
const BENCH_SCHOOL = '40000000';

/** A school's students (its own root field), each child's name and two other agencies' fields. */
export const QUERY = `query ($first: Int!) {
  schoolPlacements(schoolUnitCode: "${BENCH_SCHOOL}", first: $first) { nodes {
  child { id givenName careContacts { unitName } openSocialCase { caseNumber } } } } }`;

export interface Body {
  // The bench states the shape of what it asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Body;
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
  return { body, requestId: res.headers.get('x-request-id') };
}

/**
 * CHILDREN children at one school, each with a care contact and an open case, each under their
 * guardian's consent to school as a whole: every guarded field the counsellor reads is granted.
 * Each is registered from the population register (written first, as the municipality's Navet
 * integration would), by a registrar of its own: lookups by personnummer are limited per hour.
 */
export async function addChildren(graph: RunningGraph, dev: DevIdentity, registrar: TokenClaims): Promise<void> {
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
    const guardianId = body.data.registerChild.guardians[0].guardian.id;
    await post(
      graph.gateway.url,
      await dev.issueToken({ sub: guardianId, role: 'guardian', name: 'Maria Lindqvist' }),
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
}

export interface Round {
  throughput: number;
  latencies: number[];
  /** Each request's id (from the gateway's `x-request-id`) with its latency. */
  requests: Array<{ requestId: string | null; latency: number }>;
  /** Guarded values withheld as CONSENT_UNAVAILABLE. */
  unavailable: number;
}

/** `requests` reads of the bench query, `concurrency` at a time; checks every answer is whole. */
export async function round(url: string, token: string, requests: number, concurrency: number): Promise<Round> {
  const done: Round['requests'] = [];
  let unavailable = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const t = performance.now();
        const { body, requestId } = await post(url, token, QUERY, { first: CHILDREN });
        done.push({ requestId, latency: performance.now() - t });
        if (body.data?.schoolPlacements?.nodes?.length !== CHILDREN)
          throw new Error(`expected ${CHILDREN} children: ${JSON.stringify(body.errors?.slice(0, 2))}`);
        unavailable += (body.errors ?? []).filter((e) => e.extensions?.code === 'CONSENT_UNAVAILABLE').length;
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

export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
