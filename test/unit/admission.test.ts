import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admission } from '../../gateway/admission.ts';

/** The gateway's admission: a burst is executed a few requests at a time, each in arrival order, none lost. */
describe('admission', () => {
  let server: Server;
  let url: string;
  let running = 0;
  let mostAtOnce = 0;
  const finished: number[] = [];
  beforeAll(async () => {
    const app = express();
    app.use(admission(2), async (req, res) => {
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
});
