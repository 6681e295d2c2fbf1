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

/** Everything a record says but which child, and the consent or emergency access per child. */
const groupKey = ({ childId: _c, consentId: _k, emergencyAccessId: _e, ...shared }: AuditRecord) =>
  JSON.stringify(shared);

/**
 * Stores one lookup's decisions in a single INSERT … SELECT from one JSON parameter, one row per
 * group of records that differ only in the child (and its consent or emergency access): a lookup
 * of 100 children's care contacts is one row, not 100 (npm run bench measured the rows as the
 * largest single cost of enforcement). The log shows one entry per child.
 */
export async function storeAudit(prisma: PrismaClient, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const groups = new Map<string, AuditRecord[]>();
  for (const record of records) {
    const key = groupKey(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const rows = [...groups.values()].map(([first, ...rest]) => {
    const { childId: _c, consentId: _k, emergencyAccessId: _e, ...shared } = first;
    const all = [first, ...rest];
    return {
      ...shared,
      childIds: all.map((record) => record.childId),
      consentIds: all.map((record) => record.consentId),
      emergencyAccessIds: all.map((record) => record.emergencyAccessId ?? null),
    };
  });
  await prisma.$executeRaw`
    INSERT INTO "AuditGroup"
      ("id", "requestId", "requesterSubject", "requesterRole", "requesterAgency", "requesterUnit", "requesterName",
      "kind", "scope", "fields", "purpose", "subgraph", "granted", "reason", "decidedAt", "childIds", "consentIds",
      "emergencyAccessIds")
    SELECT gen_random_uuid(), r."requestId", r."requesterSubject", r."requesterRole", r."requesterAgency"::"Agency",
           r."requesterUnit", r."requesterName", r."kind", r."scope",
           ARRAY(SELECT jsonb_array_elements_text(r."fields")), r."purpose", r."subgraph", r."granted", r."reason",
           r."decidedAt",
           ARRAY(SELECT e::uuid FROM jsonb_array_elements_text(r."childIds") WITH ORDINALITY AS a(e, n) ORDER BY n),
           ARRAY(SELECT e::uuid FROM jsonb_array_elements_text(r."consentIds") WITH ORDINALITY AS a(e, n) ORDER BY n),
           ARRAY(SELECT e::uuid FROM jsonb_array_elements_text(r."emergencyAccessIds") WITH ORDINALITY AS a(e, n)
                 ORDER BY n)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      "requestId" text, "requesterSubject" text, "requesterRole" text, "requesterAgency" text, "requesterUnit" text,
      "requesterName" text, "kind" text, "scope" text, "fields" jsonb, "purpose" text, "subgraph" text,
      "granted" boolean, "reason" text, "decidedAt" timestamptz, "childIds" jsonb, "consentIds" jsonb,
      "emergencyAccessIds" jsonb)`;
}
