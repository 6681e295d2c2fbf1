-- CreateTable
CREATE TABLE "AuditGroup" (
    "id" UUID NOT NULL,
    "requestId" TEXT NOT NULL,
    "requesterSubject" TEXT NOT NULL,
    "requesterRole" TEXT NOT NULL,
    "requesterAgency" "Agency",
    "requesterUnit" TEXT,
    "requesterName" TEXT,
    "kind" TEXT NOT NULL,
    "scope" TEXT,
    "fields" TEXT[],
    "purpose" TEXT,
    "subgraph" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "reason" TEXT,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "childIds" UUID[],
    "consentIds" UUID[],
    "emergencyAccessIds" UUID[],

    CONSTRAINT "AuditGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseGroup" (
    "id" UUID NOT NULL,
    "requestId" TEXT NOT NULL,
    "subgraph" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "released" BOOLEAN NOT NULL,
    "childIds" UUID[],
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReleaseGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_consent_epoch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "epoch" BIGINT NOT NULL,

    CONSTRAINT "_consent_epoch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditGroup_childIds_idx" ON "AuditGroup" USING GIN ("childIds");

-- CreateIndex
CREATE INDEX "AuditGroup_requesterSubject_decidedAt_idx" ON "AuditGroup"("requesterSubject", "decidedAt");

-- CreateIndex
CREATE INDEX "AuditGroup_decidedAt_idx" ON "AuditGroup"("decidedAt");

-- CreateIndex
CREATE INDEX "ReleaseGroup_requestId_idx" ON "ReleaseGroup"("requestId");

-- Groups and their confirmations are never changed or removed, and are chained like the log.
CREATE TRIGGER "AuditGroup_append_only" BEFORE UPDATE OR DELETE ON "AuditGroup"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "AuditGroup_chain" AFTER INSERT ON "AuditGroup" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
CREATE TRIGGER "ReleaseGroup_append_only" BEFORE UPDATE OR DELETE ON "ReleaseGroup"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ReleaseGroup_chain" AFTER INSERT ON "ReleaseGroup" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');

-- The consent epoch: a new value, from a sequence that never repeats one (not even after the
-- tables are emptied), written in the same transaction as any change the consent rule reads. The
-- SIP core keeps the rule's facts in memory while the epoch it read them under is current.
CREATE SEQUENCE "consent_epoch_seq";
INSERT INTO "_consent_epoch" ("id", "epoch") VALUES (1, nextval('consent_epoch_seq'));

CREATE FUNCTION "next_consent_epoch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "_consent_epoch" ("id", "epoch") VALUES (1, nextval('consent_epoch_seq'))
    ON CONFLICT ("id") DO UPDATE SET "epoch" = excluded."epoch";
  RETURN NULL;
END $$;

CREATE TRIGGER "Child_consent_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Child"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "Guardianship_consent_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Guardianship"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "Consent_consent_epoch" AFTER INSERT OR TRUNCATE ON "Consent"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "ConsentWithdrawal_consent_epoch" AFTER INSERT OR TRUNCATE ON "ConsentWithdrawal"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "SipConsent_consent_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SipConsent"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "Sip_consent_epoch" AFTER INSERT OR UPDATE OF "closedAt", "childId" OR DELETE OR TRUNCATE ON "Sip"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "SipParticipant_consent_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SipParticipant"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "EmergencyAccess_consent_epoch" AFTER INSERT OR TRUNCATE ON "EmergencyAccess"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "Block_consent_epoch" AFTER INSERT OR TRUNCATE ON "Block"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "BlockLift_consent_epoch" AFTER INSERT OR TRUNCATE ON "BlockLift"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
CREATE TRIGGER "BlockedRecord_consent_epoch" AFTER INSERT OR TRUNCATE ON "BlockedRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION "next_consent_epoch"();
