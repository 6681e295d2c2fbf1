import type { FirstUse } from '../../../../lib/auth/subgraph-identity.ts';
import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';

// Expired signatures are forgotten now and then, not on every call.
const FORGET_EVERY = 500;

/**
 * A signed call from a subgraph counts once, across restarts and SIP core replicas: its signature's
 * id is stored (the primary key refuses a second), and kept until the signature expires.
 */
export function subgraphCallFirstUse(prisma: PrismaClient): FirstUse {
  let calls = 0;
  return async (jti, expiresAt) => {
    if (++calls % FORGET_EVERY === 0)
      await prisma.$executeRaw`DELETE FROM "SubgraphCall" WHERE "expiresAt" < ${new Date()}`;
    const stored = await prisma.$queryRaw<unknown[]>`
      INSERT INTO "SubgraphCall" ("jti", "expiresAt") VALUES (${jti}, ${expiresAt})
      ON CONFLICT ("jti") DO NOTHING RETURNING "jti"`;
    return stored.length === 1;
  };
}
