import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import type { Agency } from '../../../../policy/agencies.ts';
import { replacementTimes, type ChildFacts, type ConsentFacts } from '../../../../policy/consent-rule.ts';
import type { BlockFacts } from '../../../../policy/blocks.ts';
import type { EmergencyAccessFacts } from '../../../../policy/emergency-access.ts';
import type { NamedRecipient, ParticipationFacts, SipFacts } from '../../../../policy/recipients.ts';

export interface ChildConsentFacts {
  child: ChildFacts;
  consents: ConsentFacts[];
  /** Every guardian of the child, with custody or not. */
  guardianIds: string[];
}

interface ConsentRow extends Omit<ConsentFacts, 'recipients' | 'sipLinks' | 'replacedAt'> {
  childId: string;
  replacesId: string | null;
  agencies: Agency[];
  toSipParticipants: boolean;
  namedRecipients: Array<NamedRecipient & { name?: string }>;
  sipLinks: Array<{ sipId: string; linkedAt: string }> | null;
}

interface SipRow {
  id: string;
  childId: string;
  closedAt: Date | null;
  participants: Array<
    Omit<ParticipationFacts, 'addedAt' | 'removedAt'> & { addedAt: string; removedAt: string | null }
  >;
}

/**
 * Everything the rule needs for these children, in a fixed number of queries whatever their number.
 * Lookups read it through `cachedConsentFacts`; a transaction reads it through its own client
 * (`tx`), since on the embedded database a read on another connection waits for the transaction.
 */
export async function loadConsentFacts(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  childIds: readonly string[],
): Promise<Map<string, ChildConsentFacts>> {
  const ids = [...new Set(childIds)];
  // Plain statements: this runs on every cross-agency read, and Prisma's nested includes cost
  // several statements and most of the lookup's time (npm run bench).
  const [children, consents, sips, emergencyAccesses, blocks] = await Promise.all([
    prisma.$queryRaw<Array<{ id: string; dateOfBirth: Date; custodianIds: string[]; guardianIds: string[] }>>`
      SELECT c."id", c."dateOfBirth", coalesce(array_agg(g."guardianId"::text) FILTER (WHERE g."hasCustody"), '{}') AS
      "custodianIds", coalesce(array_agg(g."guardianId"::text) FILTER (WHERE g."guardianId" IS NOT NULL), '{}') AS
      "guardianIds"
      FROM "Child" c LEFT JOIN "Guardianship" g ON g."childId" = c."id"
      WHERE c."id" = ANY(${ids}::uuid[]) GROUP BY c."id"`,
    prisma.$queryRaw<ConsentRow[]>`
      SELECT c."id", c."childId", c."guardianIds"::text[] AS "guardianIds", c."givenByChild", c."scopes",
             c."agencies"::text[] AS "agencies", c."toSipParticipants", c."namedRecipients",
             c."validFrom", c."validUntil", c."recordedAt", w."withdrawnAt", c."replacesId"::text AS "replacesId",
             (SELECT json_agg(json_build_object('sipId', l."sipId", 'linkedAt', l."linkedAt"))
              FROM "SipConsent" l WHERE l."consentId" = c."id") AS "sipLinks"
      FROM "Consent" c
      LEFT JOIN "ConsentWithdrawal" w ON w."consentId" = c."id"
      WHERE c."childId" = ANY(${ids}::uuid[])`,
    prisma.$queryRaw<SipRow[]>`
      SELECT s."id", s."childId", s."closedAt",
             coalesce(json_agg(json_build_object('kind', p."kind", 'subject', p."subject", 'agency', p."agency",
               'unit', p."unit", 'addedAt', p."addedAt", 'removedAt', p."removedAt"))
               FILTER (WHERE p."id" IS NOT NULL), '[]') AS "participants"
      FROM "Sip" s LEFT JOIN "SipParticipant" p ON p."sipId" = s."id"
      WHERE s."childId" = ANY(${ids}::uuid[]) GROUP BY s."id"`,
    prisma.$queryRaw<Array<EmergencyAccessFacts & { childId: string }>>`
      SELECT e."id", e."childId", e."requesterSubject" AS subject, e."agency"::text AS agency, e."unit",
             e."scopes", e."openedAt", e."until"
      FROM "EmergencyAccess" e WHERE e."childId" = ANY(${ids}::uuid[])`,
    prisma.$queryRaw<Array<BlockFacts & { childId: string }>>`
      SELECT b."id", b."childId", b."scopes", r."recordId"::text AS "recordId", b."fromUnits", b."placedAt",
             b."until", l."liftedAt"
      FROM "Block" b LEFT JOIN "BlockLift" l ON l."blockId" = b."id"
      LEFT JOIN "BlockedRecord" r ON r."blockId" = b."id" WHERE b."childId" = ANY(${ids}::uuid[])`,
  ]);
  const sipsOf = new Map<string, SipFacts[]>();
  for (const sip of sips) {
    const facts: SipFacts = {
      id: sip.id,
      closedAt: sip.closedAt,
      participants: sip.participants.map((p) => ({
        ...p,
        addedAt: new Date(p.addedAt),
        removedAt: p.removedAt === null ? null : new Date(p.removedAt),
      })),
    };
    sipsOf.set(sip.childId, [...(sipsOf.get(sip.childId) ?? []), facts]);
  }
  const facts = new Map<string, ChildConsentFacts>(
    children.map((child) => [
      child.id,
      {
        child: {
          dateOfBirth: child.dateOfBirth,
          custodianIds: child.custodianIds,
          sips: sipsOf.get(child.id) ?? [],
          emergencyAccesses: emergencyAccesses.filter((access) => access.childId === child.id),
          blocks: blocks.filter((block) => block.childId === child.id),
        },
        consents: [],
        guardianIds: child.guardianIds,
      },
    ]),
  );
  // A newer version takes the place of an older one only once it counts (a pending widening waits).
  const versionsOf = new Map<string, ConsentRow[]>();
  for (const consent of consents)
    versionsOf.set(consent.childId, [...(versionsOf.get(consent.childId) ?? []), consent]);
  const replacedAt = new Map<string, Date | null>();
  for (const [childId, versions] of versionsOf) {
    const child = facts.get(childId)?.child;
    if (child) for (const [id, at] of replacementTimes(versions, child)) replacedAt.set(id, at);
  }
  for (const {
    childId,
    agencies,
    toSipParticipants,
    namedRecipients,
    sipLinks,
    replacesId: _,
    ...consent
  } of consents) {
    facts.get(childId)?.consents.push({
      ...consent,
      replacedAt: replacedAt.get(consent.id) ?? null,
      recipients: {
        toSipParticipants,
        wholeAgencies: agencies,
        named: namedRecipients.map(({ agency, unit, subject }) => ({ agency, unit, subject: subject ?? null })),
      },
      sipLinks: (sipLinks ?? []).map((link) => ({ sipId: link.sipId, linkedAt: new Date(link.linkedAt) })),
    });
  }
  return facts;
}
