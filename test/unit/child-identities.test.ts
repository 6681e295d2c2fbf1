import { describe, expect, it } from 'vitest';
import {
  createChildIdentities,
  forRequest,
  MAX_CHILDREN_PER_ASK,
  type ChildIdentityRequest,
} from '../../lib/subgraph/child-identities.ts';

const child = (i: number) => ({
  childId: `11111111-0000-4000-8000-${String(i).padStart(12, '0')}`,
  personnummer: `2012010${String(i).padStart(5, '0')}`,
});

/** A SIP core that knows children 0 to 2999 and records every ask. */
function sipCore() {
  const asks: Array<{ request: ChildIdentityRequest; requestId: string }> = [];
  const known = Array.from({ length: 3000 }, (_, i) => child(i));
  return {
    asks,
    ask: async (request: ChildIdentityRequest, requestId: string) => {
      asks.push({ request, requestId });
      const children =
        'childIds' in request
          ? known.filter(({ childId }) => request.childIds.includes(childId))
          : known.filter(({ personnummer }) => request.personnummer.includes(personnummer));
      return { children };
    },
  };
}

describe('the identity bridge of an agency subgraph', () => {
  it('maps both ways and remembers each pair both ways until it is stale', async () => {
    const sip = sipCore();
    let now = 0;
    const bridge = createChildIdentities(sip.ask, { rememberMs: 1_000, now: () => now });
    expect(await bridge.personnummerOf([child(1).childId], 'r1')).toEqual(
      new Map([[child(1).childId, child(1).personnummer]]),
    );
    expect(await bridge.childIdsOf([child(1).personnummer], 'r2')).toEqual(
      new Map([[child(1).personnummer, child(1).childId]]),
    );
    expect(sip.asks).toHaveLength(1);
    now = 1_001;
    await bridge.childIdsOf([child(1).personnummer], 'r3');
    expect(sip.asks.map(({ requestId }) => requestId)).toEqual(['r1', 'r3']);
  });

  it('leaves out the children the SIP core does not know, and what it was not asked about', async () => {
    const sip = sipCore();
    const unknown = '99999999-0000-4000-8000-000000000000';
    const injected = {
      ask: async (request: ChildIdentityRequest, requestId: string) => ({
        children: [...(await sip.ask(request, requestId)).children, child(2)],
      }),
    };
    const bridge = createChildIdentities(injected.ask, { rememberMs: 1_000 });
    const found = await bridge.personnummerOf([child(1).childId, unknown], 'r1');
    expect([...found.keys()]).toEqual([child(1).childId]);
  });

  it('asks in slices of at most a thousand, and once per request for what its loaders ask together', async () => {
    const sip = sipCore();
    const bridge = createChildIdentities(sip.ask, { rememberMs: 1_000 });
    const request = forRequest(bridge, 'r1');
    const ids = Array.from({ length: 2500 }, (_, i) => child(i).childId);
    const [a, b] = await Promise.all([request.personnummerOf(ids), request.personnummerOf(ids.slice(0, 10))]);
    expect(a.size).toBe(2500);
    expect(b.size).toBe(10);
    expect(sip.asks.map(({ request }) => ('childIds' in request ? request.childIds.length : 0))).toEqual([
      MAX_CHILDREN_PER_ASK,
      MAX_CHILDREN_PER_ASK,
      500,
    ]);
  });
});
