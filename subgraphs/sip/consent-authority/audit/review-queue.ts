import type { PrismaClient } from '../../../../prisma/sip/client/client.ts';
import type { ReviewKind } from '../../../../policy/review.ts';
import { AUDIT_ENTRIES } from './audit-entries.ts';
import { catchUpReviewFindings } from './review-findings.ts';

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

const fromFindings = (kind: ReviewKind) => `
    SELECT f."kind", f."itemKey", f."childId"::text, f."requesterSubject", f."requesterName", f."at", f."detail"
    FROM "ReviewFinding" f WHERE f."kind" = '${kind}'`;

/**
 * Each kind of item as one SELECT of (kind, itemKey, childId, requesterSubject, requesterName, at, detail).
 * The kinds found in the log come from the review's catch-up (review-findings.ts), not the log itself.
 */
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
  READ_WITHOUT_RELATION: fromFindings('READ_WITHOUT_RELATION'),
  READ_OUTSIDE_SIP: fromFindings('READ_OUTSIDE_SIP'),
  LOOKUP_BY_PERSONNUMMER: fromFindings('LOOKUP_BY_PERSONNUMMER'),
  LOOKUP_MISS: `
    SELECT 'LOOKUP_MISS', l."id"::text, NULL::text, l."requesterSubject", l."requesterName", l."at",
           'personnummer ' || l."personnummer" || ', purpose: ' || l."purpose"
    FROM "PersonnummerLookup" l WHERE l."childId" IS NULL`,
  // Reads under an emergency access fall between its opening and its end, and are of its child:
  // counted through the log's indexes on both.
  EMERGENCY_ACCESS: `
    SELECT 'EMERGENCY_ACCESS', e."id"::text, e."childId"::text, e."requesterSubject", e."requesterName", e."openedAt",
           array_to_string(e."scopes", ', ') || ' until ' || to_char(e."until" AT TIME ZONE 'Europe/Stockholm',
           'YYYY-MM-DD HH24:MI') || ': ' || e."reason" || ' (reads under it: ' || (SELECT count(*)
           FROM ${AUDIT_ENTRIES} a WHERE a."coverage" @> ARRAY[e."childId"] AND a."decidedAt" >= e."openedAt"
             AND a."decidedAt" <= e."until" AND a."emergencyAccessId" = e."id") || ')'
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
    SELECT 'UNUSUAL_VOLUME', v."requesterSubject" || '/' || to_char(v."day", 'YYYY-MM-DD'), NULL::text,
           v."requesterSubject", v."requesterName", v."lastAt", v."children"::text || ' children read that day'
    FROM "ReadVolume" v WHERE v."children" > $1`,
};

/**
 * The items of the given kinds, newest first, each with its review if it has one. `reviewed`
 * chooses reviewed or open items; null, both. `key` narrows to one item. Each kind is cut to the
 * page on its own (through its index on time) before the kinds are merged.
 */
export async function reviewItems(
  prisma: PrismaClient,
  options: { kinds: readonly ReviewKind[]; reviewed: boolean | null; threshold: number; first: number; key?: string },
): Promise<ReviewItemRow[]> {
  await catchUpReviewFindings(prisma);
  const pages = options.kinds.map(
    (kind) => `(SELECT i.*, r."note", r."reviewedBy", r."reviewedAt"
     FROM (${ITEMS[kind]}) AS i("kind", "itemKey", "childId", "requesterSubject", "requesterName", "at", "detail")
     LEFT JOIN "AuditReview" r ON r."kind" = i."kind" AND r."itemKey" = i."itemKey"
     WHERE $1::int >= 0 AND ($2::boolean IS NULL OR (r."id" IS NOT NULL) = $2)
       AND ($3::text IS NULL OR i."itemKey" = $3)
     ORDER BY i."at" DESC, i."itemKey" LIMIT $4)`,
  );
  return prisma.$queryRawUnsafe<ReviewItemRow[]>(
    `SELECT * FROM (${pages.join(' UNION ALL ')}) AS page ORDER BY "at" DESC, "itemKey" LIMIT $4`,
    options.threshold,
    options.reviewed,
    options.key ?? null,
    options.first,
  );
}
