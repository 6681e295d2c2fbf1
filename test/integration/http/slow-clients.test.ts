import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS, ephemeralDevIdentity, type DevIdentity } from '../../../dev/dev-identity.ts';
import { startGateway, type RunningGateway } from '../../../gateway/start-gateway.ts';
import { readSupergraph } from '../../../gateway/supergraph.ts';
import { SUBGRAPH_NAMES } from '../../../lib/config/config.ts';
import { silentLogger } from '../../../lib/server/logger.ts';
import { postGraphQL, startOwnTestGraph, type OwnTestGraph } from '../../support/test-graph.ts';

/** Opens a connection that sends a request's headers and then nothing: the body it announced never comes. */
function slowClient(url: string): Promise<{ socket: Socket; ended: Promise<string> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => {
      const headers = `Host: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 1000`;
      socket.write(`POST /graphql HTTP/1.1\r\n${headers}\r\n\r\n{`);
      resolve({ socket, ended });
    });
    const ended = new Promise<string>((done) => socket.once('close', () => done(answer)));
    socket.on('data', (chunk) => void (answer += String(chunk)));
    socket.on('error', () => {});
  });
}

/**
 * What an attack run found: slow clients and a hung subgraph could hold every place of the gateway.
 * The gateway's limits do not depend on the kind of database, so these run once, on the embedded one.
 */
const onEmbeddedOnly = describe.skipIf(process.env.TEST_DATABASE === 'postgres');

onEmbeddedOnly('the gateway under slow clients', () => {
  let graph: OwnTestGraph;
  beforeAll(async () => {
    graph = await startOwnTestGraph({ gatewayLimits: { maxConcurrent: 4, requestTimeoutMs: 15_000 } });
  });
  afterAll(() => graph?.stop());

  it('answers signed-in clients while twenty others never finish their requests, and cuts those off', async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => slowClient(graph.gateway.url)));
    const response = await graph.query(`{ mySips { status } }`, {}, 'school counsellor');
    expect(response.errors).toBeUndefined();
    // The answer came while every slow client was still connected: none held a place.
    expect(clients.every(({ socket }) => !socket.destroyed)).toBe(true);
    // And the request timeout ends them, saying so.
    for (const answer of await Promise.all(clients.map(({ ended }) => ended)))
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('gives no place to a request without a valid token', async () => {
    const refused = await Promise.all(
      Array.from({ length: 10 }, () =>
        postGraphQL(graph.gateway.url, { query: '{ mySips { status } }' }, { authorization: 'Bearer nonsense' }),
      ),
    );
    expect(refused.map((response) => response.status)).toEqual(Array(10).fill(401));
    expect((await graph.query(`{ mySips { status } }`, {}, 'school counsellor')).errors).toBeUndefined();
  });
});

onEmbeddedOnly('the gateway in front of a subgraph that hangs', () => {
  let hung: Server;
  let gateway: RunningGateway;
  let dev: DevIdentity;
  const held: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never answers.
    hung = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hung.address() as { port: number }).port}/graphql`;
    dev = await ephemeralDevIdentity();
    gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, url])),
      identity: dev.identity,
      port: 0,
      limits: { maxConcurrent: 2, subgraphTimeoutMs: 1_000 },
      logger: silentLogger(),
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => hung?.close(resolve));
  });

  it('hands out no demo token: a gateway started without them (not npm start) has no such address', async () => {
    for (const path of ['/privacy/api/demo-token.json', '/graphiql/personas.json'])
      expect((await fetch(new URL(path, gateway.url))).status, path).toBe(404);
  });

  it('gives up on the subgraph after its timeout, says which, and frees its places', async () => {
    const token = await dev.issueToken(DEMO_PERSONAS['school counsellor']);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        postGraphQL(gateway.url, { query: '{ mySips { status } }' }, { authorization: `Bearer ${token}` }),
      ),
    );
    for (const response of responses) {
      expect(response.data?.mySips ?? null).toBeNull();
      expect(response.errors?.[0]).toMatchObject({
        message: 'The sip subgraph did not answer in time',
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'sip' },
      });
      // Nothing about where the subgraph runs.
      expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|http:|stack/);
    }
  });
});
