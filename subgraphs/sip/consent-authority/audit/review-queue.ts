import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import type { ReviewKind } from '../../../../policy/review.ts';
import { AUDIT_ENTRIES } from './audit-entries.ts';

export interface ReviewItemRow {
  kind: ReviewKind;
  itemKey: string;
  childId: string | null;
  requesterSubject: string;
  requesterName: string | null;
  at: Date;
  detail: string;
  note: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

/** Each kind of item as one SELECT of (kind, itemKey, childId, requesterSubject, requesterName, at, detail). */
const ITEMS: Record<ReviewKind, string> = {
  STAFF_RECORDED_CONSENT: `
    SELECT 'STAFF_RECORDED_CONSENT', c."id"::text, c."childId"::text, c."recordedBy", NULL::text, c."recordedAt",
           c."form"::text || ' consent recorded in SIP ' || coalesce(c."recordedInSipId"::text, '-')
    FROM "Consent" c WHERE c."recordedByAgency" IS NOT NULL`,
  STAFF_LINKED_CONSENT: `
    SELECT 'STAFF_LINKED_CONSENT', l."sipId"::text || '/' || l."consentId"::text, c."childId"::text, l."linkedBy",
           NULL::text, l."linkedAt", 'consent ' || l."consentId"::text || ' linked to SIP ' || l."sipId"::text
    FROM "SipConsent" l JOIN "Consent" c ON c."id" = l."consentId" WHERE l."linkedByStaff"`,
  STAFF_RECORDED_BLOCK: `
    SELECT 'STAFF_RECORDED_BLOCK', b."id"::text, b."childId"::text, b."recordedBy", NULL::text, b."placedAt",
           array_to_string(b."scopes", ', ') || ' blocked in SIP ' || coalesce(b."recordedInSipId"::text, '-')
    FROM "Block" b WHERE b."recordedByAgency" IS NOT NULL`,
  READ_WITHOUT_RELATION: `
    SELECT 'READ_WITHOUT_RELATION', a."id"::text, a."childId"::text, a."requesterSubject", a."requesterName",
           a."decidedAt", a."kind" || coalesce(' ' || a."scope", '') || ': ' || array_to_string(a."fields", ', ')
    FROM ${AUDIT_ENTRIES} a
    WHERE NOT a."granted" AND a."reason" = 'NO_RELATION' AND a."requesterAgency" IS NOT NULL`,
  READ_OUTSIDE_SIP: `
    SELECT 'READ_OUTSIDE_SIP', a."id"::text, a."childId"::text, a."requesterSubject", a."requesterName",
           a."decidedAt", a."kind" || coalesce(' ' || a."scope", '') || ': ' || array_to_string(a."fields", ', ')
    FROM ${AUDIT_ENTRIES} a
    WHERE a."granted" AND a."requesterAgency" IS NOT NULL AND a."emergencyAccessId" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "SipParticipant" p JOIN "Sip" s ON s."id" = p."sipId"
        WHERE s."childId" = a."childId" AND p."subject" = a."requesterSubject" AND p."addedAt" <= a."decidedAt"
          AND (p."removedAt" IS NULL OR p."removedAt" > a."decidedAt"))`,
  LOOKUP_BY_PERSONNUMMER: `
    SELECT 'LOOKUP_BY_PERSONNUMMER', a."id"::text, a."childId"::text, a."requesterSubject", a."requesterName",
           a."decidedAt", 'purpose: ' || a."purpose"
    FROM ${AUDIT_ENTRIES} a WHERE 'Query.childByPersonnummer' = ANY(a."fields")`,
  LOOKUP_MISS: `
    SELECT 'LOOKUP_MISS', l."id"::text, NULL::text, l."requesterSubject", l."requesterName", l."at",
           'personnummer ' || l."personnummer" || ', purpose: ' || l."purpose"
    FROM "PersonnummerLookup" l WHERE l."childId" IS NULL`,
  EMERGENCY_ACCESS: `
    SELECT 'EMERGENCY_ACCESS', e."id"::text, e."childId"::text, e."requesterSubject", e."requesterName", e."openedAt",
           array_to_string(e."scopes", ', ') || ' until ' || to_char(e."until" AT TIME ZONE 'Europe/Stockholm',
           'YYYY-MM-DD HH24:MI') || ': ' || e."reason" || ' (reads under it: ' || (SELECT count(*)
           FROM ${AUDIT_ENTRIES} a WHERE a."emergencyAccessId" = e."id") || ')'
    FROM "EmergencyAccess" e`,
  MATURITY_ASSESSMENT: `
    SELECT 'MATURITY_ASSESSMENT', m."id"::text, m."childId"::text, m."assessedBy", m."assessedByName", m."assessedAt",
           'judged mature enough in SIP ' || m."sipId"::text || ': ' || m."reason"
    FROM "MaturityAssessment" m`,
  SIP_REQUEST_REFUSED: `
    SELECT 'SIP_REQUEST_REFUSED', a."requestId"::text, r."childId"::text, a."answeredBy", a."answeredByName",
           a."answeredAt",
           'refused by ' || a."answeredByAgency"::text || ', ' || a."answeredByUnit" || ': ' || a."reason"
    FROM "SipRequestAnswer" a JOIN "SipRequest" r ON r."id" = a."requestId" WHERE NOT a."accepted"`,
  UNUSUAL_VOLUME: `
    SELECT 'UNUSUAL_VOLUME', a."requesterSubject" || '/' || to_char(a."decidedAt" AT TIME ZONE 'Europe/Stockholm',
           'YYYY-MM-DD'), NULL::text, a."requesterSubject", max(a."requesterName"), max(a."decidedAt"),
           count(DISTINCT a."childId")::text || ' children read that day'
    FROM ${AUDIT_ENTRIES} a WHERE a."requesterAgency" IS NOT NULL
    GROUP BY a."requesterSubject", to_char(a."decidedAt" AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')
    HAVING count(DISTINCT a."childId") > $1`,
};

/**
 * The items of the given kinds, newest first, each with its review if it has one. `reviewed`
 * chooses reviewed or open items; null, both. `key` narrows to one item.
 */
export function reviewItems(
  prisma: PrismaClient,
  options: { kinds: readonly ReviewKind[]; reviewed: boolean | null; threshold: number; first: number; key?: string },
): Promise<ReviewItemRow[]> {
  const items = options.kinds.map((kind) => ITEMS[kind]).join(' UNION ALL ');
  return prisma.$queryRawUnsafe<ReviewItemRow[]>(
    `SELECT i.*, r."note", r."reviewedBy", r."reviewedAt"
     FROM (${items}) AS i("kind", "itemKey", "childId", "requesterSubject", "requesterName", "at", "detail")
     LEFT JOIN "AuditReview" r ON r."kind" = i."kind" AND r."itemKey" = i."itemKey"
     WHERE $1::int >= 0 AND ($2::boolean IS NULL OR (r."id" IS NOT NULL) = $2)
       AND ($3::text IS NULL OR i."itemKey" = $3)
     ORDER BY i."at" DESC, i."itemKey" LIMIT $4`,
    options.threshold,
    options.reviewed,
    options.key ?? null,
    options.first,
  );
}
