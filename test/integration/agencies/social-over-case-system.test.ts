import { beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../../dev/demo/people.ts';
import { CASE_SYSTEM_LABEL } from '../../../subgraphs/social/case-system/case-system-source.ts';
import { startOwnTestGraph, startTestGraph, type TestGraph } from '../../support/test-graph.ts';

const CASE = `query ($id: ID!) { child(id: $id) {
  openSocialCase { caseNumber handlingOfficer }
  socialInterventions { nodes { kind legalBasis provision } }
  placements { nodes { kind provider } }
} }`;

interface RawClient {
  $queryRawUnsafe<T>(query: string): Promise<T>;
  $executeRawUnsafe(query: string): Promise<number>;
}

describe("social services over the case system's integration views", () => {
  let graph: TestGraph;
  beforeAll(async () => void (graph = await startTestGraph()));

  it("reads a child's case, decisions and placements from the case system, by personnummer", async () => {
    const { data, errors } = await graph.query(CASE, { id: demoChildren.juni.id }, 'social worker');
    expect(errors).toBeUndefined();
    expect(data?.child).toEqual({
      openSocialCase: { caseNumber: 'SOC-2026-0311', handlingOfficer: 'Mikael Öst' },
      socialInterventions: { nodes: [] },
      placements: {
        nodes: [
          { kind: 'FAMILY_HOME', provider: 'Familjehem i Sunnanby' },
          { kind: 'EMERGENCY_HOME', provider: 'Jourhemmet Björken' },
        ],
      },
    });
  });

  it('reads as a role that may neither write nor see past the views', async () => {
    const views = graph.subgraphs.social.source as RawClient;
    expect(await views.$queryRawUnsafe<unknown[]>('SELECT id FROM sip_social_case LIMIT 1')).toHaveLength(1);
    await expect(views.$queryRawUnsafe('SELECT id FROM vendor.arende LIMIT 1')).rejects.toThrow(/permission denied/);
    await expect(
      views.$executeRawUnsafe(
        `INSERT INTO vendor.arende (id, personnummer, arendenummer, oppnad, handlaggare)
         VALUES (gen_random_uuid(), '201201019876', 'SOC-X', now(), 'X')`,
      ),
    ).rejects.toThrow(/read-only transaction|permission denied/);
  });
});

// On a PostgreSQL server the stand-in's stop leaves the server up: its database stops only when embedded.
describe.skipIf(process.env.TEST_DATABASE === 'postgres')('social services when the case system fails', () => {
  it('says at the path that the case system could not be read, and reports it on /health', async () => {
    const own = await startOwnTestGraph();
    try {
      expect((await own.query(CASE, { id: demoChildren.juni.id }, 'social worker')).errors).toBeUndefined();
      await own.standIns.social!.stop();
      const response = await own.query(CASE, { id: demoChildren.juni.id }, 'social worker');
      expect(response.data?.child).toEqual({ openSocialCase: null, socialInterventions: null, placements: null });
      for (const error of response.errors ?? [])
        expect(error.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: CASE_SYSTEM_LABEL });
      expect(response.errors).toHaveLength(3);
      const health = await fetch(new URL('/health', own.subgraphs.social.url));
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'source unavailable', subgraph: 'social' });
    } finally {
      await own.stop();
    }
  });
});
