import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { SourceSystemError } from '../../../lib/source/source-system.ts';
import { createFhirClient, FHIR_LABEL } from '../../../subgraphs/health/fhir/fhir-client.ts';
import { PERSONNUMMER_SYSTEM } from '../../../subgraphs/health/fhir/child-records.ts';
import { startOwnTestGraph, startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const CARE = `query ($id: ID!) { child(id: $id) {
  careContacts { unitName unitType startDate }
  diagnoses { nodes { id code text diagnosedOn unitName } }
  treatments { nodes { kind name dosage startsOn endsOn } }
  referrals { nodes { fromUnit toUnit status } }
  careVisits { nodes { date unitName mode profession } }
} }`;

/** Answers every request with `status` and `body`, or never when `body` is undefined. */
async function fakeServer(status: number, body?: unknown): Promise<{ url: string; close(): void }> {
  const server: Server = createServer((_req, res) => {
    if (body !== undefined)
      res.writeHead(status, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir/R4`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('health care over HL7 FHIR R4', () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it("reads a child's care records from the FHIR server, mapped from its resources", async () => {
    // Alva's BUP doctor is health care's own staff: her own agency's records, read without a consent decision.
    const { data, errors } = await graph.query(CARE, { id: demoChildren.alva.id }, 'BUP doctor');
    expect(errors).toBeUndefined();
    expect(data?.child.careContacts).toEqual([
      { unitName: 'Vårdcentralen Ekbacken', unitType: 'VARDCENTRAL', startDate: '2013-01-15' },
      { unitName: 'BUP Norra', unitType: 'BUP', startDate: '2025-03-10' },
    ]);
    expect(data?.child.diagnoses.nodes).toEqual([
      expect.objectContaining({ code: 'F32.1', diagnosedOn: '2025-05-20', unitName: 'BUP Norra' }),
    ]);
    expect(data?.child.treatments.nodes).toEqual([
      { kind: 'MEDICATION', name: 'Sertralin', dosage: '50 mg en gång dagligen', startsOn: '2025-06-01', endsOn: null },
      { kind: 'THERAPY', name: 'KBT', dosage: null, startsOn: '2025-04-14', endsOn: '2025-12-19' },
    ]);
    expect(data?.child.referrals.nodes).toEqual([
      { fromUnit: 'Vårdcentralen Ekbacken', toUnit: 'BUP Norra', status: 'COMPLETED' },
    ]);
    expect(data?.child.careVisits.nodes.map((visit: { date: string }) => visit.date)).toEqual([
      '2026-10-05',
      '2026-02-02',
      '2025-09-22',
      '2025-04-14',
      '2025-03-10',
    ]);
  });

  it('finds the child by personnummer through the identity bridge, logged as the subgraph’s own lookup', async () => {
    const sip = graph.subgraphs.sip.prisma as any;
    const before = await sip.childIdentityRead.count({ where: { subgraph: 'health' } });
    // A child health care has not mapped before: its personnummer is asked for, once.
    await graph.query(CARE, { id: demoChildren.noah.id }, 'BUP doctor');
    await graph.query(CARE, { id: demoChildren.noah.id }, 'BUP doctor');
    const reads = await sip.childIdentityRead.findMany({ where: { subgraph: 'health' }, orderBy: { at: 'asc' } });
    expect(reads.length - before).toBe(1);
    expect(reads.at(-1).childIds).toEqual([demoChildren.noah.id]);
  });

  it('answers the identity bridge only to a subgraph that signs as itself', async () => {
    const bridge = new URL('/children/identities', graph.subgraphs.sip.url);
    const asStaff = await fetch(bridge, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token('BUP doctor')}` },
      body: JSON.stringify({ childIds: [demoChildren.alva.id] }),
    });
    expect(asStaff.status).toBe(401);
    expect(JSON.stringify(await asStaff.json())).not.toMatch(/\d{12}/);
    const unsigned = await fetch(bridge, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ childIds: [demoChildren.alva.id] }),
    });
    expect(unsigned.status).toBe(401);
  });

  it('writes a care visit to the journal system as a FHIR Encounter, and reads it back from there', async () => {
    const RECORD = `mutation ($input: RecordCareVisitInput!) { recordCareVisit(input: $input) { id date mode } }`;
    const input = { childId: demoChildren.alva.id, date: '2026-11-02', mode: 'PHONE', profession: 'kurator' };
    // Read once before: the server remembers a search's answer until the next write.
    await graph.query(CARE, { id: demoChildren.alva.id }, 'BUP doctor');
    const { data, errors } = await graph.query(RECORD, { input }, 'BUP doctor');
    expect(errors).toBeUndefined();
    const { url, token } = graph.standIns.health!.location;
    const res = await fetch(`${url}/Encounter/${data?.recordCareVisit.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const encounter = await res.json();
    expect(encounter).toMatchObject({
      resourceType: 'Encounter',
      period: { start: '2026-11-02' },
      serviceProvider: { display: 'BUP Norra' },
      participant: [{ type: [{ text: 'kurator' }] }],
    });
    const read = await graph.query(CARE, { id: demoChildren.alva.id }, 'BUP doctor');
    expect(read.data?.child.careVisits.nodes[0]).toEqual({
      date: '2026-11-02',
      unitName: 'BUP Norra',
      mode: 'PHONE',
      profession: 'kurator',
    });
  });

  it('answers one FHIR search per kind of record, whatever the number of children', async () => {
    const requests = graph.standIns.health!.requests!;
    const MANY = `{ careContactsAtUnit(unitName: "BUP Norra", first: 100) { nodes { child { id
      diagnoses { nodes { code } } } } } }`;
    // Once, so the identity bridge knows these children (its asks are the SIP core's, not the FHIR server's).
    const warm = await graph.query(MANY, {}, 'BUP doctor');
    expect(warm.data?.careContactsAtUnit.nodes.length).toBeGreaterThan(10);
    const before = await requests();
    await graph.query(MANY, {}, 'BUP doctor');
    // The unit's episodes of care (with their patients), then every child's diagnoses in one search.
    expect((await requests()) - before).toBe(2);
  });
});

describe('health care when its FHIR server fails', () => {
  it('says at the path which system failed, answers no part of the field, and reports it on /health', async () => {
    const own = await startOwnTestGraph();
    try {
      const alva = demoChildren.alva.id;
      expect((await own.query(CARE, { id: alva }, 'BUP doctor')).errors).toBeUndefined();
      await own.standIns.health!.stop();
      const response = await own.query(CARE, { id: alva }, 'BUP doctor');
      expect(response.data?.child).toEqual({
        careContacts: null,
        diagnoses: null,
        treatments: null,
        referrals: null,
        careVisits: null,
      });
      expect(response.errors).toHaveLength(5);
      for (const error of response.errors!)
        expect(error.extensions).toMatchObject({
          code: 'SOURCE_UNAVAILABLE',
          source: FHIR_LABEL,
          reason: 'it could not be reached',
        });
      expect(response.errors!.map((error) => error.path?.at(-1)).sort()).toEqual(
        ['careContacts', 'careVisits', 'diagnoses', 'referrals', 'treatments'].sort(),
      );
      const health = await fetch(new URL('/health', own.subgraphs.health.url));
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({
        status: 'source unavailable',
        subgraph: 'health',
        source: { system: FHIR_LABEL, status: 'unavailable', reason: 'it could not be reached' },
      });
      // The gateway's own health names the subgraph that cannot serve.
      const gateway = await (await fetch(new URL('/health', own.gateway.url))).json();
      expect(gateway.subgraphs).toMatchObject({ sip: 'ok', health: 'unavailable' });
    } finally {
      await own.stop();
    }
  });
});

describe('the FHIR client', () => {
  const location = (url: string, timeoutMs = 2_000) => ({ url, token: 'adapter-token', timeoutMs });
  const search = (url: string, timeoutMs?: number) =>
    createFhirClient(location(url, timeoutMs)).search(
      'Condition',
      new URLSearchParams({ 'patient.identifier': `${PERSONNUMMER_SYSTEM}|201201019876` }),
    );

  it('turns an OperationOutcome into an error naming its issue codes, never its diagnostics', async () => {
    const server = await fakeServer(400, {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', diagnostics: 'Unknown patient 201201019876' }],
    });
    try {
      const error = await search(server.url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceSystemError);
      expect((error as SourceSystemError).reason).toBe('it answered HTTP 400 (OperationOutcome: invalid)');
      expect(JSON.stringify(error)).not.toMatch(/201201019876/);
    } finally {
      server.close();
    }
  });

  it('gives up on a server that does not answer in time', async () => {
    const server = await fakeServer(200);
    try {
      await expect(search(server.url, 300)).rejects.toMatchObject({ reason: 'no answer within 300 ms' });
    } finally {
      server.close();
    }
  });

  it('never follows a link to another server with its token', async () => {
    const server = await fakeServer(200, {
      resourceType: 'Bundle',
      type: 'searchset',
      link: [{ relation: 'next', url: 'http://elsewhere.example/fhir/R4/Condition?page=2' }],
    });
    try {
      await expect(search(server.url)).rejects.toMatchObject({ reason: 'a search linked to another server' });
    } finally {
      server.close();
    }
  });
});
