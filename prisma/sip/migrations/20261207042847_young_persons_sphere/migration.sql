-- CreateEnum
CREATE TYPE "SpherePart" AS ENUM ('OWN_CONSENTS', 'ACCESS_LOG');

-- CreateTable
CREATE TABLE "SphereChoice" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "parts" "SpherePart"[],
    "chosenAt" TIMESTAMPTZ(3) NOT NULL,
    "chosenBy" TEXT NOT NULL,

    CONSTRAINT "SphereChoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityAssessment" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "sipId" UUID NOT NULL,
    "assessedBy" TEXT NOT NULL,
    "assessedByName" TEXT,
    "agency" "Agency" NOT NULL,
    "unit" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "assessedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MaturityAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SphereChoice_childId_chosenAt_idx" ON "SphereChoice"("childId", "chosenAt");

-- CreateIndex
CREATE INDEX "MaturityAssessment_childId_idx" ON "MaturityAssessment"("childId");

-- What a young person keeps from their guardians, and staff's judgement of their maturity, are kept
-- as they were written: a change is a new row.
CREATE TRIGGER "SphereChoice_append_only" BEFORE UPDATE OR DELETE ON "SphereChoice"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SphereChoice_no_truncate" BEFORE TRUNCATE ON "SphereChoice"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SphereChoice_chain" AFTER INSERT ON "SphereChoice" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
CREATE TRIGGER "MaturityAssessment_append_only" BEFORE UPDATE OR DELETE ON "MaturityAssessment"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "MaturityAssessment_no_truncate" BEFORE TRUNCATE ON "MaturityAssessment"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "MaturityAssessment_chain" AFTER INSERT ON "MaturityAssessment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
