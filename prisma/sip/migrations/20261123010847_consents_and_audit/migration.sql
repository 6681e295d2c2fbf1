-- CreateEnum
CREATE TYPE "Agency" AS ENUM ('SCHOOL', 'SOCIAL_SERVICES', 'HEALTH_CARE');

-- CreateEnum
CREATE TYPE "ConsentForm" AS ENUM ('WRITTEN', 'ORAL');

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "guardianIds" UUID[],
    "givenByChild" BOOLEAN NOT NULL,
    "form" "ConsentForm" NOT NULL,
    "scopes" TEXT[],
    "agencies" "Agency"[],
    "purpose" TEXT NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validUntil" TIMESTAMPTZ(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedByAgency" "Agency",
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "replacesId" UUID,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentWithdrawal" (
    "consentId" UUID NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnBy" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "ConsentWithdrawal_pkey" PRIMARY KEY ("consentId")
);

-- CreateTable
CREATE TABLE "ConsentDecisionAudit" (
    "id" UUID NOT NULL,
    "requestId" TEXT NOT NULL,
    "requesterSubject" TEXT NOT NULL,
    "requesterRole" TEXT NOT NULL,
    "requesterAgency" "Agency",
    "requesterUnit" TEXT,
    "childId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "fields" TEXT[],
    "subgraph" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "reason" TEXT,
    "consentId" UUID,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConsentDecisionAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Consent_replacesId_key" ON "Consent"("replacesId");

-- CreateIndex
CREATE INDEX "Consent_childId_idx" ON "Consent"("childId");

-- CreateIndex
CREATE INDEX "ConsentDecisionAudit_childId_decidedAt_idx" ON "ConsentDecisionAudit"("childId", "decidedAt");

-- CreateIndex
CREATE INDEX "ConsentDecisionAudit_requesterSubject_decidedAt_idx" ON "ConsentDecisionAudit"("requesterSubject", "decidedAt");

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentWithdrawal" ADD CONSTRAINT "ConsentWithdrawal_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only: consents, withdrawals and the audit log are never changed or removed, so a
-- privacy officer can always reconstruct what was in force and who saw what.
CREATE FUNCTION "reject_change_to_append_only_table"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "Consent_append_only" BEFORE UPDATE OR DELETE ON "Consent"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ConsentWithdrawal_append_only" BEFORE UPDATE OR DELETE ON "ConsentWithdrawal"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ConsentDecisionAudit_append_only" BEFORE UPDATE OR DELETE ON "ConsentDecisionAudit"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
