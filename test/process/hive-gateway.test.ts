import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChildren, demoGuardians } from '../../dev/demo/people.ts';
import { supergraphAt } from '../support/supergraph-at.ts';
import { postGraphQL, startOwnTestGraph, type GraphQLResponse, type OwnTestGraph } from '../support/test-graph.ts';

const root = join(import.meta.dirname, '..', '..');
const README_QUERY = `{ mySips { child { id givenName openSocialCase { caseNumber } careContacts { unitName } } } }`;
const LOG = `query ($id: ID!) {
  consentAuditLog(childId: $id, first: 500) { requestId subgraph scope granted release } }`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * What a response says, without the order of its errors or the router's own extensions; with
 * `indices: false`, without the list positions in the errors' paths.
 */
const summary = (response: GraphQLResponse, indices = true) => ({
  data: response.data,
  errors: (response.errors ?? [])
    .map((error) => {
      const path = (error.path ?? []).filter((segment) => indices || typeof segment === 'string').join('.');
      return `${path} ${error.extensions?.code} ${error.extensions?.reason ?? ''}`;
    })
    .sort(),
});

/**
 * Hive Gateway, as its own process with the configuration in routers/hive-gateway/ (header
 * propagation, nothing of ours), in front of the real subgraphs: the consent guarantees and one
 * audit trail per client request hold as behind our own gateway, with either query planner.
 */
describe.each([
  // Its JavaScript planner gives errors from a batch of entities the position of the first entity in the batch
  // (graphql-tools' batch delegation, ardatan/graphql-tools#2950): the values are withheld where they should be,
  // but a client cannot tell from the path whose they were. The README says so.
  ['its JavaScript query planner', [], { exactErrorPaths: false }],
  ['the Hive Router runtime (Rust query planner)', ['--hive-router-runtime'], { exactErrorPaths: true }],
])('Hive Gateway with %s', (_planner, flags, { exactErrorPaths }) => {
  let graph: OwnTestGraph;
  let hive: ChildProcess;
  let hiveUrl: string;
  let dir: string;
  beforeAll(async () => {
    graph = await startOwnTestGraph();
    dir = mkdtempSync(join(tmpdir(), 'hive-gateway-'));
    const urls = Object.fromEntries(Object.values(graph.subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    writeFileSync(join(dir, 'supergraph.graphql'), supergraphAt(urls));
    const port = await freePort();
    hiveUrl = `http://127.0.0.1:${port}/graphql`;
    hive = spawn(
      join(root, 'node_modules', '.bin', 'hive-gateway'),
      [
        'supergraph',
        join(dir, 'supergraph.graphql'),
        '--config-path',
        join(root, 'routers', 'hive-gateway', 'gateway.config.ts'),
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        ...flags,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    hive.stdout!.on('data', (chunk) => (output += chunk));
    hive.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 2 * 60_000;
    while (!output.includes('Listening on')) {
      if (Date.now() > deadline || hive.exitCode !== null) throw new Error(`Hive Gateway did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    hive?.kill();
    await graph?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const throughHive = async (query: string, as: Parameters<OwnTestGraph['token']>[0], variables = {}) =>
    postGraphQL(hiveUrl, { query, variables }, { authorization: `Bearer ${await graph.token(as)}` });

  it('serves what our gateway serves, and withholds what it withholds, with the same codes and reasons', async () => {
    const hiveResponse = await throughHive(README_QUERY, 'school counsellor');
    const ours = await graph.query(README_QUERY, {}, 'school counsellor');
    expect(summary(hiveResponse, exactErrorPaths)).toEqual(summary(ours, exactErrorPaths));
    const wilma = hiveResponse.data!.mySips.findIndex((sip: any) => sip.child.id === demoChildren.wilma.id);
    expect(hiveResponse.data!.mySips[wilma].child.openSocialCase).toBeNull();
  });

  it('keeps one family out of another’s records and refuses a forged token', async () => {
    const read = `query ($id: ID!) { child(id: $id) { personnummer careContacts { unitName } } }`;
    const other = await throughHive(
      read,
      { sub: demoGuardians.mariaLindqvist.id, role: 'guardian' },
      {
        id: demoChildren.elias.id,
      },
    );
    expect(other.data?.child ?? null).toEqual(expect.not.objectContaining({ personnummer: expect.any(String) }));
    expect(JSON.stringify(other)).not.toContain('BUP Norra');
    const forged = await postGraphQL(
      hiveUrl,
      { query: read, variables: { id: demoChildren.alva.id } },
      {
        authorization: 'Bearer not-a-token',
      },
    );
    expect(JSON.stringify(forged.data ?? null)).not.toContain('BUP');
    expect(JSON.stringify(forged.errors)).toMatch(/UNAUTHENTICATED|401/);
  });

  it('leaves one audit trail per client request, every release confirmed', async () => {
    const alva = demoChildren.alva.id;
    const logged = async () =>
      (
        (await graph.query(LOG, { id: alva }, 'privacy officer')).data!.consentAuditLog as Array<Record<string, any>>
      ).filter((entry) => entry.scope !== null);
    const before = new Set((await logged()).map((entry) => entry.requestId));
    await throughHive(README_QUERY, 'school counsellor');
    await throughHive(README_QUERY, 'school counsellor');
    await graph.settleReleases();
    const entries = (await logged()).filter((entry) => !before.has(entry.requestId));
    // Two client requests, each one trail holding both agencies' decisions about Alva.
    const trails = new Map<string, Array<Record<string, any>>>();
    for (const entry of entries) trails.set(entry.requestId, [...(trails.get(entry.requestId) ?? []), entry]);
    expect(trails.size).toBe(2);
    for (const trail of trails.values()) {
      expect(trail.map((entry) => entry.subgraph).sort()).toEqual(['health', 'social']);
      expect(trail.every((entry) => entry.granted && entry.release === 'RELEASED')).toBe(true);
    }
  });
});
