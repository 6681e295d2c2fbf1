import { performance } from 'node:perf_hooks';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';

interface Reader {
  running: Promise<string | null> | null;
  /** The read that starts once the running one is done, shared by everyone who asks meanwhile. */
  queued: Promise<string | null> | null;
  /** The epoch from the latest-starting read that has answered, and when (performance.now()) it started. */
  latest: { startedAt: number; epoch: string | null } | null;
}

const readers = new WeakMap<PrismaClient, Reader>();

const readerOf = (prisma: PrismaClient) => {
  let reader = readers.get(prisma);
  if (!reader) readers.set(prisma, (reader = { running: null, queued: null, latest: null }));
  return reader;
};

/** Keeps `epoch`, read by a statement that started at `startedAt`, unless a later-starting read answered first. */
export function noteConsentEpoch(prisma: PrismaClient, startedAt: number, epoch: string | null): void {
  const reader = readerOf(prisma);
  if (!reader.latest || reader.latest.startedAt <= startedAt) reader.latest = { startedAt, epoch };
}

function start(reader: Reader, prisma: PrismaClient): Promise<string | null> {
  const startedAt = performance.now();
  const reading = prisma.$queryRaw<
    Array<{ epoch: string }>
  >`SELECT "epoch"::text FROM "_consent_epoch" WHERE "id" = 1`.then(([row]) => {
    const epoch = row?.epoch ?? null;
    noteConsentEpoch(prisma, startedAt, epoch);
    return epoch;
  });
  reader.running = reading;
  const done = () => void (reader.running === reading && (reader.running = null));
  reading.then(done, done);
  return reading;
}

/**
 * The consent epoch (see the migration `audit_groups_and_consent_epoch`), from a read that started
 * after `since` (performance.now() when the lookup arrived; by default, this call), so a change
 * committed before the lookup arrived is always seen. A read that already started after it counts
 * (a call for decisions reads the epoch in the statement that stores its decisions);
 * lookups that arrive while a read is running share the next one: a burst costs a few reads, not
 * one each. Null: no epoch yet, and nothing may be kept.
 */
export function currentConsentEpoch(prisma: PrismaClient, since = performance.now()): Promise<string | null> {
  const state = readerOf(prisma);
  if (state.latest && state.latest.startedAt >= since) return Promise.resolve(state.latest.epoch);
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
