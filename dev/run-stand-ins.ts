/**
 * The local stand-ins of the agencies' systems as a process of their own, filled with the demo's
 * records once the SIP core has registered the demo children: the demo containers' stand-ins
 * (docker-compose.yml). `npm start` runs them itself. Environment: HOST, SCHOOL_STAND_IN_PORT
 * (the SS 12000 API), HEALTH_STAND_IN_PORT (the FHIR server), SOCIAL_DATABASE_URL (the case
 * system's database) and CASE_SYSTEM_READER_PASSWORD, SIP_DATABASE_URL (to read the children),
 * STAND_INS_HEALTH_PORT (answers 200 at /health once the records are in).
 */
import { createServer } from 'node:http';
import { ConfigError, readConfig } from '../lib/config/config.ts';
import { prismaOptions } from '../lib/db/prisma-options.ts';
import { exitWithStartupError } from '../lib/config/startup-error.ts';
import { stopOnSignals } from '../lib/server/stop-on-signals.ts';
import { PrismaClient as SipPrisma } from '../prisma/sip/client/client.ts';
import { STAND_INS, type StandIn, type StandInRecords } from '../standins/stand-ins.ts';
import { seedStandIns, type RunningStandIns } from './start-graph.ts';

const DEMO_PORTS: Record<keyof StandInRecords, string | undefined> = {
  school: process.env.SCHOOL_STAND_IN_PORT,
  social: undefined,
  health: process.env.HEALTH_STAND_IN_PORT,
};

try {
  const config = readConfig();
  const standIns: RunningStandIns = {};
  for (const name of Object.keys(STAND_INS) as Array<keyof StandInRecords>) {
    (standIns as Record<string, StandIn<unknown>>)[name] = await STAND_INS[name]({
      host: config.host,
      port: Number(DEMO_PORTS[name] ?? 0),
      database: config.databaseLocation(name),
      readerPassword: process.env.CASE_SYSTEM_READER_PASSWORD,
    });
    console.log(`[stand-ins] ${name}: ${standIns[name]!.location.url.replace(/\/\/[^@/]*@/, '//')}`);
  }
  const sipLocation = config.databaseLocation('sip');
  if (sipLocation.kind !== 'server')
    throw new ConfigError('bad configuration: set SIP_DATABASE_URL: the stand-ins read the demo children there');
  const sip = new SipPrisma(prismaOptions(sipLocation.url, 1));
  // The SIP core writes the demo children as it starts; the agencies' systems know them by their personnummer.
  while ((await sip.child.count().catch(() => 0)) === 0) await new Promise((resolve) => setTimeout(resolve, 2_000));
  await seedStandIns(sip, standIns, new Date());
  await sip.$disconnect();
  const health = createServer((_req, res) => res.writeHead(200).end('{"status":"ok"}'));
  health.listen(Number(process.env.STAND_INS_HEALTH_PORT ?? 4100), config.host);
  console.log('[stand-ins] ready, with the demo records');
  stopOnSignals(async () => {
    health.close();
    await Promise.all(Object.values(standIns).map((standIn) => standIn.stop()));
  });
} catch (error) {
  exitWithStartupError(error);
}
