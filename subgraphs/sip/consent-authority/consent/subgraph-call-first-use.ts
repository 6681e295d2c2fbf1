import type { FirstUse } from '../../../../lib/auth/subgraph-identity.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';

// Expired signatures are forgotten now and then, not on every call.
const FORGET_EVERY = 500;
const calls = new WeakMap<PrismaClient, number>();

/** Counts a signed call; every FORGET_EVERY-th, forgets the signatures that have expired. */
export async function forgetExpiredCallsNowAndThen(prisma: PrismaClient): Promise<void> {
  const count = (calls.get(prisma) ?? 0) + 1;
  calls.set(prisma, count);
  if (count % FORGET_EVERY === 0)
    await prisma.$executeRaw`DELETE FROM "SubgraphCall" WHERE "expiresAt" < ${new Date()}`;
}

/**
 * A signed call from a subgraph counts once, across restarts and SIP core replicas: its signature's
 * id is stored (the primary key refuses a second), and kept until the signature expires. (A call
 * for decisions stores its id with its decisions instead: see `storeAudit`'s condition.)
 */
export function subgraphCallFirstUse(prisma: PrismaClient): FirstUse {
  return async (jti, expiresAt) => {
    await forgetExpiredCallsNowAndThen(prisma);
    const stored = await prisma.$queryRaw<unknown[]>`
      INSERT INTO "SubgraphCall" ("jti", "expiresAt") VALUES (${jti}, ${expiresAt})
      ON CONFLICT ("jti") DO NOTHING RETURNING "jti"`;
    return stored.length === 1;
  };
}
