-- The log at national scale (10^8 entries a year): AuditGroup becomes a table partitioned by month
-- of "decidedAt", so that each month's rows and indexes stand apart, a read of a time range touches
-- its months only, and old months can be archived whole. The columns keep their order and types,
-- so every row hashes as it did and the chain's links still cover them. The primary key holds the
-- partition key, as PostgreSQL requires.
ALTER TABLE "AuditGroup" RENAME TO "AuditGroup_before_partitioning";
ALTER TABLE "AuditGroup_before_partitioning" RENAME CONSTRAINT "AuditGroup_pkey" TO "AuditGroup_before_partitioning_pkey";
DROP INDEX "AuditGroup_childIds_idx";
DROP INDEX "AuditGroup_requesterSubject_decidedAt_idx";
DROP INDEX "AuditGroup_decidedAt_idx";

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

    CONSTRAINT "AuditGroup_pkey" PRIMARY KEY ("id","decidedAt")
) PARTITION BY RANGE ("decidedAt");

-- Rows of a month without its partition (a clock far off, or months without the SIP core running)
-- land here rather than failing the read they log.
CREATE TABLE "AuditGroup_default" PARTITION OF "AuditGroup" DEFAULT;

-- The months from `first` to `last` get their partitions, each refusing TRUNCATE like the table
-- (the row triggers come from the table itself). A month whose rows already went to the default
-- partition is left there: moving them would delete from an append-only table. Runs as the
-- tables' owner, so the role the SIP core runs as (which may not create tables) can call it; the
-- SIP core does at start and daily, three months ahead.
CREATE FUNCTION "create_audit_group_partitions"("first" TIMESTAMPTZ, "last" TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  month TIMESTAMPTZ := date_trunc('month', "first", 'UTC');
  name TEXT;
  created INTEGER := 0;
BEGIN
  WHILE month <= "last" LOOP
    name := 'AuditGroup_' || to_char(month AT TIME ZONE 'UTC', 'YYYY_MM');
    IF to_regclass(quote_ident(name)) IS NULL AND NOT EXISTS (
      SELECT 1 FROM "AuditGroup_default" WHERE "decidedAt" >= month AND "decidedAt" < month + interval '1 month'
    ) THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF "AuditGroup" FOR VALUES FROM (%L) TO (%L)',
        name, month, month + interval '1 month');
      EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT
        EXECUTE FUNCTION "reject_change_to_append_only_table"()', name || '_no_truncate', name);
      created := created + 1;
    END IF;
    month := month + interval '1 month';
  END LOOP;
  RETURN created;
END $$;

SELECT "create_audit_group_partitions"(
  coalesce((SELECT min("decidedAt") FROM "AuditGroup_before_partitioning"), now()), now() + interval '3 months');
INSERT INTO "AuditGroup" SELECT * FROM "AuditGroup_before_partitioning";
DROP TABLE "AuditGroup_before_partitioning";

CREATE INDEX "AuditGroup_childIds_idx" ON "AuditGroup" USING GIN ("childIds");
-- Newest first, then by record: the order of the log's pages, read off these indexes.
CREATE INDEX "AuditGroup_requesterSubject_decidedAt_id_idx" ON "AuditGroup"("requesterSubject", "decidedAt", "id");
CREATE INDEX "AuditGroup_decidedAt_id_idx" ON "AuditGroup"("decidedAt", "id");

CREATE TRIGGER "AuditGroup_append_only" BEFORE UPDATE OR DELETE ON "AuditGroup"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "AuditGroup_chain" AFTER INSERT ON "AuditGroup" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
CREATE TRIGGER "AuditGroup_no_truncate" BEFORE TRUNCATE ON "AuditGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "AuditGroup_default_no_truncate" BEFORE TRUNCATE ON "AuditGroup_default"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();

-- CreateTable
CREATE TABLE "ReviewFinding" (
    "kind" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "childId" UUID NOT NULL,
    "requesterSubject" TEXT NOT NULL,
    "requesterName" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "detail" TEXT NOT NULL,

    CONSTRAINT "ReviewFinding_pkey" PRIMARY KEY ("kind","itemKey")
);

-- CreateTable
CREATE TABLE "ReadVolume" (
    "requesterSubject" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "requesterName" TEXT,
    "children" INTEGER NOT NULL,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReadVolume_pkey" PRIMARY KEY ("requesterSubject","day")
);

-- CreateTable
CREATE TABLE "ReviewProgress" (
    "table" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,

    CONSTRAINT "ReviewProgress_pkey" PRIMARY KEY ("table")
);

-- CreateIndex
CREATE INDEX "ReviewFinding_kind_at_idx" ON "ReviewFinding"("kind", "at");

-- CreateIndex
CREATE INDEX "ReadVolume_lastAt_idx" ON "ReadVolume"("lastAt");

-- CreateIndex
CREATE INDEX "ReadVolume_children_idx" ON "ReadVolume"("children");

-- Findings are derived from the chained log and never changed; the catch-up only adds them.
CREATE TRIGGER "ReviewFinding_append_only" BEFORE UPDATE OR DELETE ON "ReviewFinding"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ReviewFinding_no_truncate" BEFORE TRUNCATE ON "ReviewFinding"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
