import { describe, expect, it } from 'vitest';
import type { ConsentReleaseRequest } from '../../lib/consent/consent-decision.ts';
import { createReleaseOutbox } from '../../lib/consent/consent-releases.ts';

const release = (n: number) => ({
  requestId: `r${n}`,
  childId: '11111111-0000-4000-8000-000000000001',
  scope: 'SOCIAL_CASE',
  released: true,
});

/** Release confirmations on their way to the SIP core: none lost, none holding a response up. */
describe('the release outbox', () => {
  it('sends what waits on its own shortly after, in one call', async () => {
    const sent: ConsentReleaseRequest[] = [];
    const outbox = createReleaseOutbox(async (body) => void sent.push(body), 5);
    outbox.add([release(1)]);
    outbox.add([release(2)]);
    expect(sent).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([{ releases: [release(1), release(2)] }]);
  });

  it('gives what waits to a decisions call, and takes it back if that call fails', async () => {
    const sent: ConsentReleaseRequest[] = [];
    const outbox = createReleaseOutbox(async (body) => void sent.push(body), 60_000);
    outbox.add([release(1)]);
    const taken = outbox.take();
    expect(taken).toEqual([release(1)]);
    expect(outbox.take()).toEqual([]);
    outbox.putBack(taken);
    await outbox.flush();
    expect(sent).toEqual([{ releases: [release(1)] }]);
  });

  it('keeps what a failed send carried for the next, and a flush waits for a send under way', async () => {
    let fail = true;
    let finishSlowSend = () => {};
    const sent: ConsentReleaseRequest[] = [];
    const outbox = createReleaseOutbox(async (body) => {
      if (fail) throw new Error('SIP core down');
      await new Promise<void>((resolve) => (finishSlowSend = resolve));
      sent.push(body);
    }, 60_000);
    outbox.add([release(1)]);
    await outbox.flush();
    expect(sent).toEqual([]);
    fail = false;
    const first = outbox.flush();
    await new Promise((resolve) => setTimeout(resolve, 10));
    let flushed = false;
    const second = outbox.flush().then(() => (flushed = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flushed).toBe(false);
    finishSlowSend();
    await Promise.all([first, second]);
    expect(sent).toEqual([{ releases: [release(1)] }]);
  });
});
