import type { PrismaClient } from '../../../prisma/sip/client/client.ts';
import type { Requester } from '../../../policy/roles.ts';

/** Who asked, in which request: the columns every audit record starts with. */
export const byRequester = (requester: Requester, requestId: string) => ({
  requestId,
  requesterSubject: requester.subject,
  requesterRole: requester.role,
  requesterAgency: requester.agency as string | null,
  requesterUnit: requester.unit,
  requesterName: requester.name,
});

/** What a logged read was of. */
export const AUDIT_KINDS = ['CROSS_AGENCY', 'CHILD_IDENTITY', 'CHILD_CONSENTS'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditRecord extends ReturnType<typeof byRequester> {
  childId: string;
  /** CROSS_AGENCY (another agency's fields), CHILD_IDENTITY or CHILD_CONSENTS (the SIP core's own). */
  kind: AuditKind;
  /** The information category of a cross-agency read. */
  scope: string | null;
  fields: string[];
  /** Why the requester read it, when they had to say (a lookup by personnummer). */
  purpose?: string | null;
  subgraph: string;
  granted: boolean;
  reason: string | null;
  consentId: string | null;
  emergencyAccessId?: string | null;
  decidedAt: Date;
}

/**
 * Stores one lookup's decisions in a single INSERT … SELECT from one JSON parameter. It is on the
 * path of every cross-agency read; measured (npm run bench), Prisma's createMany cost about as much
 * as all other enforcement work together.
 */
export async function storeAudit(prisma: PrismaClient, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await prisma.$executeRaw`
    INSERT INTO "ConsentDecisionAudit"
      ("id", "requestId", "requesterSubject", "requesterRole", "requesterAgency", "requesterUnit", "requesterName",
      "childId", "kind", "scope", "fields", "purpose", "subgraph", "granted", "reason", "consentId",
      "emergencyAccessId", "decidedAt")
    SELECT gen_random_uuid(), r."requestId", r."requesterSubject", r."requesterRole", r."requesterAgency"::"Agency",
           r."requesterUnit", r."requesterName", r."childId", r."kind", r."scope",
           ARRAY(SELECT jsonb_array_elements_text(r."fields")), r."purpose", r."subgraph", r."granted", r."reason",
           r."consentId", r."emergencyAccessId", r."decidedAt"
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(
      "requestId" text, "requesterSubject" text, "requesterRole" text, "requesterAgency" text, "requesterUnit" text,
      "requesterName" text, "childId" uuid, "kind" text, "scope" text, "fields" jsonb, "purpose" text,
      "subgraph" text, "granted" boolean, "reason" text, "consentId" uuid, "emergencyAccessId" uuid,
      "decidedAt" timestamptz)`;
}
