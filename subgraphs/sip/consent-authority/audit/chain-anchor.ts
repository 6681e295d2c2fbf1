import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import type { Config } from '../../../../lib/config/config.ts';
import type { Logger } from '../../../../lib/server/logger.ts';
import { runPeriodically } from '../../../../lib/server/run-periodically.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import type { ChainBreak } from './verify-chain.ts';

/**
 * Where the SIP core anchors its chains, outside its database: a file the database's roles cannot
 * reach (in production on write-once storage, or shipped with the application log), and a secret
 * the database never sees, with which each anchor is signed.
 */
export interface AuditAnchorOptions {
  file: string;
  /** The anchors' signing secret (AUDIT_ANCHOR_KEY). */
  key: string;
  /** How often the heads are anchored, besides at start and at stop. */
  intervalMs: number;
}

interface ChainHead {
  table: string;
  seq: number;
  hash: string;
}

/** A record of chain heads at an instant, kept outside the database: an anchor, or a verification's mark. */
export interface SignedHeads {
  at: string;
  heads: unknown;
  mac: string;
}

interface Anchor extends SignedHeads {
  heads: ChainHead[];
}

/** The signature of heads at an instant, with the secret the database never sees. */
export const macOf = (key: string, at: string, heads: unknown) =>
  createHmac('sha256', key).update(JSON.stringify({ at, heads })).digest('hex');

const readHeads = async (prisma: PrismaClient): Promise<ChainHead[]> =>
  (
    await prisma.$queryRaw<Array<{ table: string; seq: bigint; hash: string }>>`
      SELECT "table", "seq", "hash" FROM "AuditChainHead" ORDER BY "table"`
  ).map(({ table, seq, hash }) => ({ table, seq: Number(seq), hash }));

/**
 * Appends the current head of every chain, signed, to the anchor file and the log. Whoever can
 * rewrite the database (truncate a log and its chain and write them anew, which leaves a chain that
 * checks out on its own) cannot make the rewritten chain pass through these heads.
 */
export async function writeAnchor(prisma: PrismaClient, options: Pick<AuditAnchorOptions, 'file' | 'key'>, at: Date) {
  const heads = await readHeads(prisma);
  const stamp = at.toISOString();
  const anchor: Anchor = { at: stamp, heads, mac: macOf(options.key, stamp, heads) };
  await appendFile(options.file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  return anchor;
}

/** Anchors at start, every `intervalMs` and at stop; returns the stop. A failed anchor is logged, never fatal. */
export const anchorJob = (options: AuditAnchorOptions) => (prisma: PrismaClient, logger: Logger) => {
  const anchor = () =>
    writeAnchor(prisma, options, new Date()).then(
      (written) => logger.info({ anchor: written }, 'audit chains anchored'),
      (error: unknown) => logger.error({ err: error }, 'could not anchor the audit chains'),
    );
  const stop = runPeriodically(anchor, options.intervalMs);
  return async () => {
    await stop();
    await anchor();
  };
};

/** Whether `signed` carries the signature of its own heads and instant under `key`. */
export const signedWith = (key: string, signed: SignedHeads) => {
  const expected = Buffer.from(macOf(key, signed.at, signed.heads));
  const given = Buffer.from(String(signed.mac));
  return expected.length === given.length && timingSafeEqual(expected, given);
};

const headKey = (head: { table: string; seq: number }) => `${head.table}/${head.seq}`;

// Heads looked up in the database at once.
const HEADS_PER_QUERY = 5_000;

/**
 * Checks every anchor in the file against the database: its signature, and that each chain still
 * passes through the head it had then (the chains themselves are checked by verifyChains). Anchors
 * made while nothing was written name the same heads: each head is looked up once, for the first
 * anchor that named it. Names the first anchor the database no longer agrees with.
 */
export async function verifyAnchors(
  prisma: PrismaClient,
  options: Pick<AuditAnchorOptions, 'file' | 'key'>,
): Promise<{ anchors: number; broken: ChainBreak | null }> {
  const lines = (await readFile(options.file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const anchored = new Map<string, ChainHead & { at: string }>();
  for (const [i, line] of lines.entries()) {
    const anchor = JSON.parse(line) as Anchor;
    if (!signedWith(options.key, anchor)) {
      const problem = `anchor ${i + 1} (${anchor.at}) is not signed with the anchor key`;
      return { anchors: i, broken: { table: '-', row: null, problem } };
    }
    for (const head of anchor.heads)
      if (!anchored.has(headKey(head))) anchored.set(headKey(head), { ...head, at: anchor.at });
  }
  const heads = [...anchored.values()];
  for (let from = 0; from < heads.length; from += HEADS_PER_QUERY) {
    const batch = heads.slice(from, from + HEADS_PER_QUERY);
    const links = await prisma.$queryRaw<Array<{ table: string; seq: bigint; hash: string }>>`
      SELECT l."table", l."seq", l."hash" FROM "AuditChainLink" l
      JOIN unnest(${batch.map((head) => head.table)}::text[], ${batch.map((head) => head.seq)}::bigint[])
        AS h("table", "seq") ON l."table" = h."table" AND l."seq" = h."seq"`;
    const stored = new Map(links.map((link) => [headKey({ table: link.table, seq: Number(link.seq) }), link.hash]));
    for (const head of batch) {
      const hash = stored.get(headKey(head));
      if (hash === head.hash) continue;
      const change = hash ? 'differs from' : 'is missing since';
      const problem = `link ${head.seq} ${change} the anchor of ${head.at}: the chain was rewritten`;
      return { anchors: lines.length, broken: { table: head.table, row: null, problem } };
    }
  }
  return { anchors: lines.length, broken: null };
}

/**
 * Anchoring, when an anchor key is configured (a deployment without one is told so at start: its
 * chain can then be rewritten undetected by whoever can rewrite the database).
 */
export const anchorJobs = ({ auditAnchor }: Config) => {
  const { key } = auditAnchor;
  if (key) return [anchorJob({ ...auditAnchor, key })];
  console.warn('[sip] AUDIT_ANCHOR_KEY is not set: the audit chains are not anchored outside the database');
  return [];
};
