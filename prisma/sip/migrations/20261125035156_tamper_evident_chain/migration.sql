-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "chainHash" TEXT,
ADD COLUMN     "chainPrev" TEXT,
ADD COLUMN     "chainSeq" BIGINT;

-- AlterTable
ALTER TABLE "ConsentWithdrawal" ADD COLUMN     "chainHash" TEXT,
ADD COLUMN     "chainPrev" TEXT,
ADD COLUMN     "chainSeq" BIGINT;

-- AlterTable
ALTER TABLE "ConsentDecisionAudit" ADD COLUMN     "chainHash" TEXT,
ADD COLUMN     "chainPrev" TEXT,
ADD COLUMN     "chainSeq" BIGINT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "table" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("table")
);

-- Tamper evidence. Every row of a chained table carries its place in the table's chain, the
-- previous row's hash and its own: sha256(previous hash || the row as JSON without these three).
-- Changing, inserting or deleting a row by any means that bypasses this trigger (a superuser with
-- triggers disabled, a restored backup) breaks a link that `npm run audit:verify` names.
CREATE FUNCTION "chain_row"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head RECORD;
BEGIN
  INSERT INTO "AuditChainHead" ("table", "seq", "hash") VALUES (TG_TABLE_NAME, 0, 'genesis')
    ON CONFLICT ("table") DO NOTHING;
  SELECT "seq", "hash" INTO head FROM "AuditChainHead" WHERE "table" = TG_TABLE_NAME FOR UPDATE;
  NEW."chainSeq" := head."seq" + 1;
  NEW."chainPrev" := head."hash";
  NEW."chainHash" := encode(sha256(convert_to(
    head."hash" || (to_jsonb(NEW) - 'chainSeq' - 'chainPrev' - 'chainHash')::text, 'UTF8')), 'hex');
  UPDATE "AuditChainHead" SET "seq" = NEW."chainSeq", "hash" = NEW."chainHash" WHERE "table" = TG_TABLE_NAME;
  RETURN NEW;
END $$;

-- Rows stored before the chain existed join it in the order they were stored.
ALTER TABLE "Consent" DISABLE TRIGGER "Consent_append_only";
ALTER TABLE "ConsentWithdrawal" DISABLE TRIGGER "ConsentWithdrawal_append_only";
ALTER TABLE "ConsentDecisionAudit" DISABLE TRIGGER "ConsentDecisionAudit_append_only";
DO $$
DECLARE
  row RECORD;
  previous TEXT;
  position BIGINT;
BEGIN
  previous := 'genesis'; position := 0;
  FOR row IN SELECT c.* FROM "Consent" c ORDER BY "recordedAt", "id" LOOP
    position := position + 1;
    UPDATE "Consent" SET "chainSeq" = position, "chainPrev" = previous, "chainHash" = encode(sha256(convert_to(
      previous || (to_jsonb(row) - 'chainSeq' - 'chainPrev' - 'chainHash')::text, 'UTF8')), 'hex')
      WHERE "id" = row."id" RETURNING "chainHash" INTO previous;
  END LOOP;
  IF position > 0 THEN INSERT INTO "AuditChainHead" VALUES ('Consent', position, previous); END IF;

  previous := 'genesis'; position := 0;
  FOR row IN SELECT w.* FROM "ConsentWithdrawal" w ORDER BY "withdrawnAt", "consentId" LOOP
    position := position + 1;
    UPDATE "ConsentWithdrawal" SET "chainSeq" = position, "chainPrev" = previous, "chainHash" = encode(sha256(
      convert_to(previous || (to_jsonb(row) - 'chainSeq' - 'chainPrev' - 'chainHash')::text, 'UTF8')), 'hex')
      WHERE "consentId" = row."consentId" RETURNING "chainHash" INTO previous;
  END LOOP;
  IF position > 0 THEN INSERT INTO "AuditChainHead" VALUES ('ConsentWithdrawal', position, previous); END IF;

  previous := 'genesis'; position := 0;
  FOR row IN SELECT a.* FROM "ConsentDecisionAudit" a ORDER BY "decidedAt", "id" LOOP
    position := position + 1;
    UPDATE "ConsentDecisionAudit" SET "chainSeq" = position, "chainPrev" = previous, "chainHash" = encode(sha256(
      convert_to(previous || (to_jsonb(row) - 'chainSeq' - 'chainPrev' - 'chainHash')::text, 'UTF8')), 'hex')
      WHERE "id" = row."id" RETURNING "chainHash" INTO previous;
  END LOOP;
  IF position > 0 THEN INSERT INTO "AuditChainHead" VALUES ('ConsentDecisionAudit', position, previous); END IF;
END $$;
ALTER TABLE "Consent" ENABLE TRIGGER "Consent_append_only";
ALTER TABLE "ConsentWithdrawal" ENABLE TRIGGER "ConsentWithdrawal_append_only";
ALTER TABLE "ConsentDecisionAudit" ENABLE TRIGGER "ConsentDecisionAudit_append_only";

CREATE TRIGGER "Consent_chain" BEFORE INSERT ON "Consent" FOR EACH ROW EXECUTE FUNCTION "chain_row"();
CREATE TRIGGER "ConsentWithdrawal_chain" BEFORE INSERT ON "ConsentWithdrawal"
  FOR EACH ROW EXECUTE FUNCTION "chain_row"();
CREATE TRIGGER "ConsentDecisionAudit_chain" BEFORE INSERT ON "ConsentDecisionAudit"
  FOR EACH ROW EXECUTE FUNCTION "chain_row"();
