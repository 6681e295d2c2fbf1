-- AlterTable
ALTER TABLE "ConsentDecisionAudit" ADD COLUMN     "emergencyAccessId" UUID;

-- CreateTable
CREATE TABLE "EmergencyAccess" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "requesterSubject" TEXT NOT NULL,
    "requesterName" TEXT,
    "agency" "Agency" NOT NULL,
    "unit" TEXT NOT NULL,
    "scopes" TEXT[],
    "reason" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EmergencyAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmergencyAccess_childId_idx" ON "EmergencyAccess"("childId");

-- Emergency access is never changed or removed, and is chained like the log.
CREATE TRIGGER "EmergencyAccess_append_only" BEFORE UPDATE OR DELETE ON "EmergencyAccess"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "EmergencyAccess_chain" AFTER INSERT ON "EmergencyAccess" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
