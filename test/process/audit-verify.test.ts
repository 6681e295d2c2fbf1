import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../lib/db/migrate.ts';
import { createTestDatabases, type TestDatabases } from '../support/test-databases.ts';

const root = join(import.meta.dirname, '..', '..');

/**
 * `npm run audit:verify` as a privacy officer runs it: the first time from the first link, then
 * from where the last intact check ended, marked outside the database and signed with the anchor
 * key; a mark not signed with it is not trusted.
 */
describe('npm run audit:verify, run again and again', () => {
  let databases: TestDatabases;
  let db: pg.Client;
  let dir: string;
  const key = randomBytes(32).toString('hex');
  const verify = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/verify-audit-chain.ts', ...args], {
      cwd: root,
      env: {
        ...process.env,
        SIP_DATABASE_URL: (databases.location('sip') as { url: string }).url,
        AUDIT_ANCHOR_KEY: key,
        AUDIT_ANCHOR_FILE: join(dir, 'anchors.jsonl'),
        AUDIT_VERIFIED_FILE: join(dir, 'verified.jsonl'),
      },
      encoding: 'utf8',
    });
    return { status: run.status, output: run.stdout + run.stderr };
  };
  // Lookups by personnummer: rows of a chained table, one statement (one link) per call.
  const lookups = (rows: number) =>
    db.query(`INSERT INTO "PersonnummerLookup" ("id", "requestId", "requesterSubject", "requesterRole",
      "personnummer", "purpose", "at")
      SELECT gen_random_uuid(), 'test', 'staff-test', 'school_counsellor', '20120101-1234', 'test', now()
      FROM generate_series(1, ${rows})`);

  beforeAll(async () => {
    databases = await createTestDatabases(['sip'], { kind: 'server', runId: `verify${process.pid}` });
    const url = (databases.location('sip') as { url: string }).url;
    await applyMigrations(url, readMigrations(join(root, 'prisma', 'sip', 'migrations')));
    db = new pg.Client({ connectionString: url });
    await db.connect();
    dir = mkdtempSync(join(tmpdir(), 'audit-verify-'));
  });
  afterAll(async () => {
    await db?.end();
    await databases?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks every row the first time, then only the rows added since, and all of them with --full', async () => {
    await lookups(30);
    const first = verify();
    expect(first).toMatchObject({ status: 0, output: expect.stringMatching(/intact: 30 rows, from the first link/) });
    expect(first.output).toMatch(/\d+ rows\/s/);
    await lookups(5);
    expect(verify().output).toMatch(/intact: 5 rows added since the check of \d{4}-\d\d-\d\dT/);
    expect(verify().output).toMatch(/intact: 0 rows added since/);
    expect(verify('--full').output).toMatch(/intact: 35 rows, from the first link/);
  });

  it('does not trust a mark that is not signed with the anchor key', () => {
    const file = join(dir, 'verified.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const mark = JSON.parse(lines.at(-1)!);
    mark.heads.PersonnummerLookup.seq += 1;
    writeFileSync(file, [...lines, JSON.stringify(mark)].join('\n') + '\n');
    const run = verify();
    expect(run.output).toMatch(/is not signed with the anchor key: checking every row from the first link/);
    expect(run.output).toMatch(/intact: 35 rows, from the first link/);
  });

  it('names a row written around the chain since the last check, and exits 1', async () => {
    await db.query(`BEGIN; SET LOCAL session_replication_role = replica;
      INSERT INTO "PersonnummerLookup" SELECT (jsonb_populate_record(NULL::"PersonnummerLookup",
        to_jsonb(t) || jsonb_build_object('id', gen_random_uuid()))).* FROM "PersonnummerLookup" t LIMIT 1;
      COMMIT`);
    const run = verify();
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/BROKEN in PersonnummerLookup: 1 rows are not in the chain/);
  });
});
