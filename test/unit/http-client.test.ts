import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCall } from '../../lib/http-client.ts';

/**
 * The client every service calls another with (a gateway's subgraph fetch, a decision call, an
 * adapter's read of its agency system): its deadline covers the whole answer, not only its start.
 */
describe('httpCall', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res: ServerResponse) => {
      if (req.url === '/stalls-midway') {
        // The headers and half the body, then nothing: a hung system behind a quick proxy.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"data":');
        return;
      }
      let body = '';
      req.on('data', (chunk) => void (body += String(chunk)));
      req.on('end', () => {
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, got: body, auth: req.headers.authorization }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('sends the method, headers and body, and answers with the status, headers and whole body', async () => {
    const answer = await httpCall(`${url}/echo`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"x":1}',
      timeoutMs: 5_000,
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({ method: 'POST', got: '{"x":1}', auth: 'Bearer t' });
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('set-cookie')).toBe('a=1, b=2');
  });

  it('fails with a TimeoutError when the body stops coming after the headers', async () => {
    await expect(httpCall(`${url}/stalls-midway`, { timeoutMs: 300 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
