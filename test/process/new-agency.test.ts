import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoChildren } from '../../dev/demo/people.ts';
import { postGraphQL, type GraphQLResponse } from '../support/test-graph.ts';

const root = join(import.meta.dirname, '..', '..');
const RECORDS = `query ($id: ID!) { child(id: $id) { habilitationRecords { id text } } }`;
const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`;

/**
 * An agency developer's first hour, in a copy of the tree: `npm run agency:new -- habilitation`,
 * then the generate and compose steps, then the whole graph as `npm start` runs it. The new
 * agency's field is withheld from another agency's staff without consent, and released with it.
 */
describe('a new agency from npm run agency:new', () => {
  let copy: string;
  let graph: ChildProcess | undefined;
  let output = '';
  let url = '';
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'sip-graph-agency-'));
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      try {
        copyFileSync(join(root, file), join(copy, file));
      } catch {
        // A file deleted in the working tree and not yet committed.
      }
    }
    // What npm install made, as it is: the packages, the console, and the clients of schemas the scaffold leaves alone.
    for (const installed of ['node_modules', 'console/dist', 'prisma/school/client', 'prisma/social/client'])
      symlinkSync(join(root, installed), join(copy, installed));
    const run = (...args: string[]) => execFileSync(process.execPath, args, { cwd: copy, encoding: 'utf8' });
    run('--import', 'tsx', 'tools/new-agency.ts', 'habilitation');
    // The SIP core's schema gained the agency's code.
    run(join(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema=prisma/sip/schema.prisma');
    run('--import', 'tsx', 'tools/compose.ts');
    graph = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts'], {
      cwd: copy,
      env: {
        ...process.env,
        DATA_DIR: join(copy, '.data'),
        ...Object.fromEntries(
          ['GATEWAY', 'IDENTITY', 'MAIL', 'SIP', 'SCHOOL', 'SOCIAL', 'HEALTH', 'HABILITATION'].map((service) => [
            `${service}_PORT`,
            '0',
          ]),
        ),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    graph.stdout!.on('data', (chunk) => (output += chunk));
    graph.stderr!.on('data', (chunk) => (output += chunk));
    // A first start on a busy machine: a real wait.
    const deadline = Date.now() + 5 * 60_000;
    // Ready, with the demo personas' tokens printed after it.
    while (!tokens.has('school counsellor') || !tokens.has('child, 16 (Elias Berg)')) {
      if (Date.now() > deadline || graph.exitCode !== null) throw new Error(`the graph did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const [, persona, token] of output.matchAll(/\n {2}([^\n]+):\n {2}(ey[\w.-]+)\n/g))
        tokens.set(persona!, token!);
    }
    url = /SIP graph ready: (\S+)/.exec(output)![1]!;
  });
  afterAll(async () => {
    if (graph && graph.exitCode === null) {
      graph.kill('SIGTERM');
      await new Promise((resolve) => graph!.once('exit', resolve));
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  const as = (persona: string, query: string, variables: object): Promise<GraphQLResponse> =>
    postGraphQL(url, { query, variables }, { authorization: `Bearer ${tokens.get(persona)}` });

  it('serves its field under its own consent scope: withheld without consent, released with it', async () => {
    const elias = demoChildren.elias.id;
    const withheld = await as('school counsellor', RECORDS, { id: elias });
    expect(withheld.data?.child?.habilitationRecords ?? null).toBeNull();
    expect(withheld.errors?.[0]?.extensions).toMatchObject({
      code: 'CONSENT_REQUIRED',
      scope: 'HABILITATION_RECORDS',
    });

    // Elias is 16: he consents on his own, to the school as a whole.
    const given = await as('child, 16 (Elias Berg)', GIVE, {
      input: {
        childId: elias,
        scopes: ['HABILITATION_RECORDS'],
        recipients: { sipParticipants: false, wholeAgencies: ['SCHOOL'] },
        purpose: 'Samordning i skolan',
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(given.errors).toBeUndefined();

    const released = await as('school counsellor', RECORDS, { id: elias });
    expect(released.errors).toBeUndefined();
    // The scaffold's system holds no records yet: released, and empty.
    expect(released.data?.child).toEqual({ habilitationRecords: [] });
  });
});
