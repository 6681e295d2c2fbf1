import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admission } from '../../gateway/admission.ts';
import { gatewayHealth } from '../../gateway/subgraph-health.ts';

/** The gateway's admission: a burst runs a few at a time in arrival order, the queue is bounded, no place is lost. */
describe('admission', () => {
  let server: Server;
  let url: string;
  let running = 0;
  let mostAtOnce = 0;
  const finished: number[] = [];
  const admitted = admission({ maxConcurrent: 2, maxQueued: 8 });
  beforeAll(async () => {
    const app = express();
    app.use(admitted.handler, async (req, res) => {
      // A request that never gets an answer, whose client gives up.
      if (Number(req.query.n) >= 100) return;
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 50));
      running--;
      finished.push(Number(req.query.n));
      res.json({ n: Number(req.query.n) });
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('executes at most the limit at once, and every request in turn', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, n) => (await fetch(`${url}?n=${n}`)).json() as Promise<{ n: number }>),
    );
    expect(answers.map((answer) => answer.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(mostAtOnce).toBe(2);
    expect(finished).toHaveLength(8);
  });

  it('frees the places of clients that went away', async () => {
    const gone = new AbortController();
    // Both places taken by requests that hang; their clients give up.
    const abandoned = [100, 101].map((n) => fetch(`${url}?n=${n}`, { signal: gone.signal }).catch(() => 'aborted'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    gone.abort();
    expect(await Promise.all(abandoned)).toEqual(['aborted', 'aborted']);
    const answers = await Promise.all([1, 2, 3].map(async (n) => (await fetch(`${url}?n=${n}`)).json()));
    expect(answers).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('lets clients that give up while they wait leave the queue, and loses no place to them', async () => {
    const gone = new AbortController();
    // Two hanging requests hold both places; six more wait, and all eight clients give up.
    const abandoned = [100, 101, 102, 103, 104, 105, 106, 107].map((n) =>
      fetch(`${url}?n=${n}`, { signal: gone.signal }).catch(() => 'aborted'),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(admitted.state()).toMatchObject({ executing: 2, queued: 6 });
    gone.abort();
    await Promise.all(abandoned);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(admitted.state()).toEqual({ executing: 0, queued: 0, longestWaitMs: 0 });
    const answers = await Promise.all([1, 2, 3, 4].map(async (n) => (await fetch(`${url}?n=${n}`)).json()));
    expect(answers).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('refuses what the queue cannot hold at once, with 503 and Retry-After, and answers the rest', async () => {
    const gone = new AbortController();
    const hanging = [100, 101].map((n) => fetch(`${url}?n=${n}`, { signal: gone.signal }).catch(() => 'aborted'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const burst = Array.from({ length: 10 }, (_, n) => fetch(`${url}?n=${n}`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(admitted.state().queued).toBe(8);
    gone.abort();
    await Promise.all(hanging);
    const responses = await Promise.all(burst);
    const refused = responses.filter((response) => response.status === 503);
    expect(refused).toHaveLength(2);
    expect(refused.map((response) => response.headers.get('retry-after'))).toEqual(['2', '2']);
    expect(((await refused[0].json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(responses.filter((response) => response.status === 200)).toHaveLength(8);
  });
});

describe('the gateway’s health', () => {
  const up = { sip: 'ok', school: 'ok' } as const;
  it('is ok while subgraphs answer and requests move, degraded when one is down, jammed when requests stall', () => {
    const moving = { executing: 16, queued: 40, longestWaitMs: 5_000 };
    expect(gatewayHealth(up, moving, 30_000).status).toBe('ok');
    expect(gatewayHealth({ ...up, school: 'unavailable' }, moving, 30_000).status).toBe('degraded');
    expect(gatewayHealth(up, { ...moving, longestWaitMs: 61_000 }, 30_000).status).toBe('jammed');
  });
});
