import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';

/**
 * The open SIPs a staff member coordinates: named coordinator (huvudansvarig) of the current plan
 * version, or the initiator while there is no plan. Decided in the database, so a coordinator's
 * worklist reads only their own SIPs, not every SIP they ever took part in.
 */
export async function coordinatedSipIds(prisma: PrismaClient, subject: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT s."id"::text AS id
    FROM "SipParticipant" p
    JOIN "Sip" s ON s."id" = p."sipId" AND s."closedAt" IS NULL
    LEFT JOIN LATERAL (
      SELECT v."id", v."coordinatorId" FROM "PlanVersion" v WHERE v."sipId" = s."id" ORDER BY v."number" DESC LIMIT 1
    ) AS current ON true
    WHERE p."subject" = ${subject} AND p."kind" = 'STAFF'
      AND (current."coordinatorId" = p."id" OR (current."id" IS NULL AND p."isInitiator"))`;
  return rows.map(({ id }) => id);
}
