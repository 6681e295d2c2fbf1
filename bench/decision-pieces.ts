/**
 * `npm run bench:pieces`: what the pieces of one call for decisions cost, one at a time, where `npm
 * run bench` sees only their sum spread over eight processes. On a fresh SIP core database on the
 * PostgreSQL server (TEST_POSTGRES_URL), one connection, no other load: the server's CPU for storing
 * a row of 100 children's decisions (with and without its chain link, with and without the index of
 * its children), a row of their release confirmations, and both in one statement; then the CPU of
 * the subgraph's signature and of the SIP core's check of it, with `jose` (as the graph does) beside
 * `node:crypto` directly. A measurement, not a test: it asserts nothing.
 */
import { createHash, randomUUID, sign, verify, KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateSigningKeyPair } from '../lib/auth/keys.ts';
import { createSubgraphSignatureCheck, signSubgraphIdentity } from '../lib/auth/subgraph-identity.ts';
import { applyMigrations, readMigrations } from '../lib/db/migrate.ts';
import { prismaOptions } from '../lib/db/prisma-options.ts';
import { PrismaClient } from '../prisma/sip/client/client.ts';
import {
  storeAudit,
  type AuditRecord,
  type ReleaseRecord,
} from '../subgraphs/sip/consent-authority/audit/store-audit.ts';
import { createTestDatabases } from '../test/support/test-databases.ts';
import { cpuSeconds } from './deployed/cpu-time.ts';

const CHILDREN = Number(process.env.BENCH_CHILDREN) || 100;
const WRITES = Number(process.env.BENCH_WRITES) || 400;

const children = Array.from({ length: CHILDREN }, () => randomUUID());
const decisions = (): AuditRecord[] => {
  const requestId = randomUUID();
  // One instant for the call, as the route decides it: records that differ only in the child share a row.
  const decidedAt = new Date();
  return children.map((childId) => ({
    requestId,
    requesterSubject: 'bench-counsellor',
    requesterRole: 'STAFF',
    requesterAgency: 'SCHOOL',
    requesterUnit: 'bench-unit',
    requesterName: 'Bench Counsellor',
    childId,
    kind: 'CROSS_AGENCY',
    scope: 'HEALTH_CARE_CONTACTS',
    fields: ['Child.careContacts'],
    subgraph: 'health',
    granted: true,
    reason: null,
    consentId: randomUUID(),
    decidedAt,
  }));
};
const confirmations = (): ReleaseRecord[] => {
  const requestId = randomUUID();
  const confirmedAt = new Date();
  return children.map((childId) => ({
    requestId,
    childId,
    scope: 'HEALTH_CARE_CONTACTS',
    released: true,
    subgraph: 'health',
    confirmedAt,
  }));
};

const warmUp = async (once: () => Promise<unknown>, times = 50) => {
  for (let i = 0; i < times; i++) await once();
};

/** CPU (ms) of the server and of this process, and wall time, per run of `once`, after a warm-up. */
async function measure(once: () => Promise<unknown>, times: number, { warm = true } = {}) {
  if (warm) await warmUp(once);
  const before = cpuSeconds([])!;
  const started = performance.now();
  for (let i = 0; i < times; i++) await once();
  const wall = performance.now() - started;
  const after = cpuSeconds([])!;
  const perRun = (seconds: number) => ((seconds * 1000) / times).toFixed(3);
  return [perRun(after.postgres - before.postgres), perRun(after.client - before.client), (wall / times).toFixed(3)];
}

const row = (label: string, cells: string[]) =>
  console.log(label.padEnd(58) + cells.map((cell) => cell.padStart(12)).join(''));

const databases = await createTestDatabases(['sip'], { kind: 'server', runId: `pieces${process.pid}` });
try {
  const url = (databases.location('sip') as { url: string }).url;
  await applyMigrations(url, readMigrations(join(import.meta.dirname, '..', 'prisma', 'sip', 'migrations')));
  const prisma = new PrismaClient(prismaOptions(url, 1));
  console.log(`\nOne write at a time on the PostgreSQL server, ${CHILDREN} children, ${WRITES} writes each (ms):`);
  row('', ['server CPU', 'our CPU', 'wall']);
  const writes: Array<[string, () => Promise<unknown>]> = [
    ['decisions: one row, its chain link and its children indexed', () => storeAudit(prisma, decisions())],
    ['confirmations: one row and its chain link', () => storeAudit(prisma, [], confirmations())],
    ['both, in one statement', () => storeAudit(prisma, decisions(), confirmations())],
  ];
  // Each kind warmed up before any is measured, so that none pays for the others' first runs.
  for (const [, once] of writes) await warmUp(once, WRITES / 4);
  for (const [label, once] of writes) row(label, await measure(once, WRITES, { warm: false }));
  // The same decision row without the parts the log's guarantees and reads need, to see what each costs.
  await prisma.$executeRawUnsafe(`ALTER TABLE "AuditGroup" DISABLE TRIGGER "AuditGroup_chain"`);
  row('decisions without the chain link', await measure(() => storeAudit(prisma, decisions()), WRITES));
  await prisma.$executeRawUnsafe(`DROP INDEX "AuditGroup_childIds_idx"`);
  row(
    'decisions without the chain link or the children index',
    await measure(() => storeAudit(prisma, decisions()), WRITES),
  );
  await prisma.$disconnect();

  const keys = await generateSigningKeyPair();
  const body = JSON.stringify({ questions: children.map((childId) => ({ childId, scope: 'HEALTH_CARE_CONTACTS' })) });
  const requestId = randomUUID();
  const check = createSubgraphSignatureCheck({ health: keys.publicKey });
  let token = '';
  console.log(`\nThe signature of one call for decisions, ${WRITES * 10} times (ms of this process's CPU):`);
  row('', ['our CPU', '', 'wall']);
  const signed = async () => (token = await signSubgraphIdentity(keys.privateKey, 'health', requestId, body));
  const checked = () => check(token, requestId, Buffer.from(body));
  const [, signCpu, signWall] = await measure(signed, WRITES * 10);
  row('jose: sign (ES256 through WebCrypto)', [signCpu, '', signWall]);
  const [, checkCpu, checkWall] = await measure(checked, WRITES * 10);
  row('jose: check', [checkCpu, '', checkWall]);
  // node:crypto directly: the same ES256 over the same bytes, without a JWT library around it.
  const privateKey = KeyObject.from(keys.privateKey);
  const publicKey = KeyObject.from(keys.publicKey);
  const input = Buffer.from(token.slice(0, token.lastIndexOf('.')));
  const hashed = () => createHash('sha256').update(body).digest('base64url');
  let signature = Buffer.alloc(0);
  const [, rawSignCpu, rawSignWall] = await measure(async () => {
    hashed();
    signature = sign('sha256', input, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  }, WRITES * 10);
  row('node:crypto: sign', [rawSignCpu, '', rawSignWall]);
  const [, rawCheckCpu, rawCheckWall] = await measure(async () => {
    hashed();
    verify('sha256', input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  }, WRITES * 10);
  row('node:crypto: check', [rawCheckCpu, '', rawCheckWall]);
} finally {
  await databases.drop();
}
