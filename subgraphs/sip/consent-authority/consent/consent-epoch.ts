import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';

interface Reader {
  running: Promise<string | null> | null;
  /** The read that starts once the running one is done, shared by everyone who asks meanwhile. */
  queued: Promise<string | null> | null;
}

const readers = new WeakMap<PrismaClient, Reader>();

function start(reader: Reader, prisma: PrismaClient): Promise<string | null> {
  const reading = prisma.$queryRaw<
    Array<{ epoch: string }>
  >`SELECT "epoch"::text FROM "_consent_epoch" WHERE "id" = 1`.then(([row]) => row?.epoch ?? null);
  reader.running = reading;
  const done = () => void (reader.running === reading && (reader.running = null));
  reading.then(done, done);
  return reading;
}

/**
 * The consent epoch (see the migration `audit_groups_and_consent_epoch`), from a read that starts
 * after this call, so a change committed before a lookup arrived is always seen. Lookups that
 * arrive while a read is running share the next one: a burst costs a few reads, not one each.
 * Null: no epoch yet, and nothing may be kept.
 */
export function currentConsentEpoch(prisma: PrismaClient): Promise<string | null> {
  let reader = readers.get(prisma);
  if (!reader) readers.set(prisma, (reader = { running: null, queued: null }));
  const state = reader;
  if (state.queued) return state.queued;
  if (!state.running) return start(state, prisma);
  state.queued = state.running
    .catch(() => undefined)
    .then(() => {
      state.queued = null;
      return start(state, prisma);
    });
  return state.queued;
}
