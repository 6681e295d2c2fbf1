import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ephemeralDevIdentity, type DevIdentity } from '../../dev/dev-identity.ts';
import { generateSigningKeyPair } from '../../lib/auth/keys.ts';
import { prismaOptions } from '../../lib/db/prisma-options.ts';
import { PrismaClient as SipPrisma } from '../../prisma/sip/client/client.ts';
import { startMailStandIn, type RunningMailStandIn } from '../../standins/mail/mail-stand-in.ts';
import { writeSummonses } from '../../subgraphs/sip/workflow/meetings/summons.ts';
import { createTestDatabases, type TestDatabases } from '../support/test-databases.ts';

const root = join(import.meta.dirname, '..', '..');
// It migrates and seeds its database first: on a busy machine that is a real wait.
const START_MAY_TAKE_MS = 5 * 60_000;

/**
 * The outbox: a summons committed with its meeting is sent by the SIP core's delivery job after
 * commit. Killed in between, the SIP core sends it when it is started again, and only once.
 */
describe('a summons whose sender was killed between commit and send', () => {
  let databases: TestDatabases;
  let dev: DevIdentity;
  let mail: RunningMailStandIn;
  let sip: ChildProcess | undefined;
  let database: SipPrisma;
  let agencyKeys: Record<string, string>;

  const startSipCore = async (deliveryIntervalSeconds: number) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'dev/run-subgraph.ts', 'sip'], {
      cwd: root,
      env: {
        ...process.env,
        SIP_PORT: '0',
        SIP_DATABASE_URL: (databases.location('sip') as { url: string }).url,
        AUTH_PUBLIC_JWK: JSON.stringify(dev.publicJwk),
        ...agencyKeys,
        SMTP_URL: mail.smtpUrl,
        SUMMONS_DELIVERY_INTERVAL_SECONDS: String(deliveryIntervalSeconds),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + START_MAY_TAKE_MS;
    while (!output.includes('[sip] subgraph ready')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the SIP core did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return child;
  };
  const sentWithId = (summonsId: string) =>
    mail.messages().filter((message) => message.messageId === `<summons-${summonsId}@sip-graph>`);

  beforeAll(async () => {
    databases = await createTestDatabases(['sip'], { kind: 'server', runId: `outbox${process.pid}` });
    [dev, mail] = await Promise.all([ephemeralDevIdentity(), startMailStandIn({ pagePort: 0 })]);
    agencyKeys = Object.fromEntries(
      await Promise.all(
        ['SCHOOL', 'SOCIAL', 'HEALTH'].map(async (name) => [
          `${name}_IDENTITY_PUBLIC_JWK`,
          JSON.stringify((await generateSigningKeyPair()).publicJwk),
        ]),
      ),
    );
    database = new SipPrisma(prismaOptions((databases.location('sip') as { url: string }).url, 1));
  }, START_MAY_TAKE_MS);
  afterAll(async () => {
    sip?.kill('SIGKILL');
    await database?.$disconnect();
    await mail?.stop();
    await databases?.drop();
  });

  it('is sent once when the SIP core is started again', async () => {
    // Its job looks at the outbox once at start (the demo's summonses go then), then not for an hour.
    sip = await startSipCore(3600);
    await expect.poll(() => mail.messages().length, { timeout: 60_000 }).toBeGreaterThan(0);

    // A meeting is moved: the summonses and their deliveries commit together, as the mutation writes them.
    const meeting = await database.meeting.findFirstOrThrow({
      where: { heldAt: null, cancelledAt: null, participants: { some: { participant: { email: { not: null } } } } },
    });
    const before = new Date();
    await database.$transaction((tx) => writeSummonses(tx, meeting.id, 'MOVED', before));
    const moved = await database.summons.findMany({
      where: { meetingId: meeting.id, kind: 'MOVED' },
      include: { delivery: true },
    });
    const delivered = moved.filter((summons) => summons.delivery);
    expect(delivered.length).toBeGreaterThan(0);
    sip.kill('SIGKILL');
    await new Promise((resolve) => sip!.once('exit', resolve));
    for (const summons of delivered) expect(sentWithId(summons.id)).toEqual([]);

    sip = await startSipCore(1);
    for (const summons of delivered)
      await expect.poll(() => sentWithId(summons.id).length, { timeout: 60_000 }).toBe(1);
    // Several more looks at the outbox send nothing again.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    for (const summons of delivered) {
      expect(sentWithId(summons.id)).toHaveLength(1);
      expect(sentWithId(summons.id)[0].to).toEqual([summons.delivery!.address]);
      expect(await database.summonsDelivery.findUnique({ where: { summonsId: summons.id } })).toMatchObject({
        state: 'SENT',
        attempts: 1,
      });
    }
  });
});
