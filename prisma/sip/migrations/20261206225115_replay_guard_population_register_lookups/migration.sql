-- AlterTable
ALTER TABLE "SipConsent" ADD COLUMN     "linkedByStaff" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SubgraphCall" (
    "jti" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SubgraphCall_pkey" PRIMARY KEY ("jti")
);

-- CreateTable
CREATE TABLE "PopulationRecord" (
    "personnummer" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "guardians" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "PopulationRecord_pkey" PRIMARY KEY ("personnummer")
);

-- CreateTable
CREATE TABLE "PersonnummerLookup" (
    "id" UUID NOT NULL,
    "requestId" TEXT NOT NULL,
    "requesterSubject" TEXT NOT NULL,
    "requesterName" TEXT,
    "requesterRole" TEXT NOT NULL,
    "requesterAgency" "Agency",
    "requesterUnit" TEXT,
    "personnummer" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "childId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PersonnummerLookup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubgraphCall_expiresAt_idx" ON "SubgraphCall"("expiresAt");

-- CreateIndex
CREATE INDEX "PersonnummerLookup_requesterSubject_at_idx" ON "PersonnummerLookup"("requesterSubject", "at");

-- Lookups by personnummer are never changed, removed or truncated, and are chained like the log.
CREATE TRIGGER "PersonnummerLookup_append_only" BEFORE UPDATE OR DELETE ON "PersonnummerLookup"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PersonnummerLookup_no_truncate" BEFORE TRUNCATE ON "PersonnummerLookup"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PersonnummerLookup_chain" AFTER INSERT ON "PersonnummerLookup" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
