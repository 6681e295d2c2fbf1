import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS, ephemeralDevIdentity, type DevIdentity } from '../../dev/dev-identity.ts';
import { postGraphQL } from '../support/test-graph.ts';

const root = join(import.meta.dirname, '..', '..');
let dev: DevIdentity;
beforeAll(async () => void (dev = await ephemeralDevIdentity()));

/** The identity provider's token, to call a subgraph process directly. */
const asSocialWorker = async () => ({
  authorization: `Bearer ${await dev.issueToken(DEMO_PERSONAS['social worker'])}`,
});
const asPrivacyOfficer = async () => ({
  authorization: `Bearer ${await dev.issueToken(DEMO_PERSONAS['privacy officer'])}`,
});
const running: ChildProcess[] = [];
const dataDirs: string[] = [];

function startProcess(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, AUTH_PUBLIC_JWK: JSON.stringify(dev.publicJwk), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // A process boots its database first: on a busy machine that is a real wait.
  const waitFor = async (text: string | RegExp, timeoutMs = 5 * 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(typeof text === 'string' ? output.includes(text) : text.test(output))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not see ${text} in:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sip-graph-'));
  dataDirs.push(dir);
  return dir;
}

function occupyPort(): Promise<Server & { port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () =>
      resolve(Object.assign(server, { port: (server.address() as { port: number }).port })),
    );
  });
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a subgraph process', () => {
  it(
    'exits with one line naming the database and ' + 'its URL, password masked, when the database is unreachable',
    async () => {
      const subgraph = startProcess('subgraphs/school/index.ts', {
        SCHOOL_DATABASE_URL: 'postgres://school:hunter2@127.0.0.1:1/school',
        SCHOOL_PORT: '0',
      });
      expect(await subgraph.exited).toBe(1);
      expect(subgraph.output()).toMatch(
        /^error: cannot reach the school database at postgres:\/\/school:\*\*\*\*@127\.0\.0\.1:1\/school: .+\n$/,
      );
      expect(subgraph.output()).not.toContain('hunter2');
    },
  );

  it('exits with a message naming the port and the variable to change when the port is taken', async () => {
    const taken = await occupyPort();
    try {
      const subgraph = startProcess('subgraphs/social/index.ts', {
        SOCIAL_PORT: String(taken.port),
        DATA_DIR: freshDataDir(),
      });
      expect(await subgraph.exited).toBe(1);
      expect(subgraph.output()).toContain(
        `error: the social subgraph cannot listen on port ${taken.port}: it is already in use. ` +
          'Set SOCIAL_PORT to a free port.',
      );
      expect(subgraph.output()).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });

  it('exits with one line naming every bad setting, its value and why', async () => {
    const subgraph = startProcess('subgraphs/school/index.ts', { CONSENT_TIMEOUT_MS: 'garbage', SCHOOL_PORT: 'x' });
    expect(await subgraph.exited).toBe(1);
    expect(subgraph.output()).toBe(
      'error: bad configuration: CONSENT_TIMEOUT_MS=garbage is not a number; SCHOOL_PORT=x is not a number\n',
    );
  });

  it('refuses to start without the key that verifies the identity provider’s tokens', async () => {
    const subgraph = startProcess('subgraphs/health/index.ts', {
      AUTH_PUBLIC_JWK: '',
      HEALTH_PORT: '0',
      DATA_DIR: freshDataDir(),
    });
    expect(await subgraph.exited).toBe(1);
    expect(subgraph.output()).toBe(
      'error: AUTH_PUBLIC_JWK is not set; set it to the identity provider’s public key, or set AUTH_JWKS_URL\n',
    );
  });

  it('finishes on SIGTERM with exit code 0 and keeps what was written in its embedded database', async () => {
    const dataDir = freshDataDir();
    const first = startProcess('subgraphs/sip/index.ts', { SIP_PORT: '0', DATA_DIR: dataDir, HOST: '127.0.0.1' });
    await first.waitFor(/subgraph ready at (\S+)/);
    const url = /subgraph ready at (\S+)/.exec(first.output())![1];
    // A lookup that finds no one is written to the log like every other.
    const LOOKUP = `{ childByPersonnummer(personnummer: "20160229-9800", purpose: "initiera SIP") { id } }`;
    const missed = await postGraphQL(url, { query: LOOKUP }, await asSocialWorker());
    expect(missed.data).toEqual({ childByPersonnummer: null });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('SIGTERM received');

    const second = startProcess('subgraphs/sip/index.ts', { SIP_PORT: '0', DATA_DIR: dataDir });
    await second.waitFor(/subgraph ready at (\S+)/);
    const url2 = /subgraph ready at (\S+)/.exec(second.output())![1];
    const kept = await postGraphQL(
      url2,
      { query: `{ reviewQueue(kinds: [LOOKUP_MISS]) { requesterSubject detail } }` },
      await asPrivacyOfficer(),
    );
    expect(kept.data).toEqual({
      reviewQueue: [{ requesterSubject: 'staff-social-1', detail: 'personnummer 201602299800, purpose: initiera SIP' }],
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
