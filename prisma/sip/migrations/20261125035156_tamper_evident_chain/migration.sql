-- CreateTable
CREATE TABLE "AuditChainLink" (
    "table" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "prev" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "rowKeys" TEXT[],
    "rowHashes" TEXT[],

    CONSTRAINT "AuditChainLink_pkey" PRIMARY KEY ("table","seq")
);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "table" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("table")
);

-- Tamper evidence. Each INSERT statement into a chained table adds one link: the keys of the rows
-- it stored, each row's hash (sha256 of the row as JSON), and the link's hash, sha256(the previous
-- link's hash || the row hashes). Changing, inserting or deleting a row, or a link, by any means
-- that bypasses the triggers (a superuser with triggers disabled, a restored backup) breaks the
-- chain; `npm run audit:verify` names where. One link per statement, not per row: a request's 200
-- audit records cost one link (npm run bench).
CREATE FUNCTION "chain_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head RECORD;
  keys TEXT[];
  hashes TEXT[];
  linked TEXT;
BEGIN
  SELECT array_agg(k ORDER BY k), array_agg(h ORDER BY k) INTO keys, hashes FROM (
    SELECT to_jsonb(r) ->> TG_ARGV[0] AS k, encode(sha256(convert_to(to_jsonb(r)::text, 'UTF8')), 'hex') AS h
    FROM new_rows r) AS stored;
  IF keys IS NULL THEN RETURN NULL; END IF;
  INSERT INTO "AuditChainHead" ("table", "seq", "hash") VALUES (TG_TABLE_NAME, 0, 'genesis')
    ON CONFLICT ("table") DO NOTHING;
  SELECT "seq", "hash" INTO head FROM "AuditChainHead" WHERE "table" = TG_TABLE_NAME FOR UPDATE;
  linked := encode(sha256(convert_to(head."hash" || array_to_string(hashes, ''), 'UTF8')), 'hex');
  INSERT INTO "AuditChainLink" VALUES (TG_TABLE_NAME, head."seq" + 1, head."hash", linked, keys, hashes);
  UPDATE "AuditChainHead" SET "seq" = head."seq" + 1, "hash" = linked WHERE "table" = TG_TABLE_NAME;
  RETURN NULL;
END $$;

-- Rows stored before the chain existed form its first link, one per table.
INSERT INTO "AuditChainLink"
SELECT 'Consent', 1, 'genesis', encode(sha256(convert_to('genesis' || array_to_string(array_agg(h ORDER BY k), ''),
  'UTF8')), 'hex'), array_agg(k ORDER BY k), array_agg(h ORDER BY k)
FROM (SELECT c."id"::text AS k, encode(sha256(convert_to(to_jsonb(c)::text, 'UTF8')), 'hex') AS h FROM "Consent" c) s
HAVING count(*) > 0;
INSERT INTO "AuditChainLink"
SELECT 'ConsentWithdrawal', 1, 'genesis', encode(sha256(convert_to('genesis' || array_to_string(array_agg(h ORDER BY k),
  ''), 'UTF8')), 'hex'), array_agg(k ORDER BY k), array_agg(h ORDER BY k)
FROM (SELECT w."consentId"::text AS k, encode(sha256(convert_to(to_jsonb(w)::text, 'UTF8')), 'hex') AS h
  FROM "ConsentWithdrawal" w) s
HAVING count(*) > 0;
INSERT INTO "AuditChainLink"
SELECT 'ConsentDecisionAudit', 1, 'genesis', encode(sha256(convert_to('genesis' ||
  array_to_string(array_agg(h ORDER BY k), ''), 'UTF8')), 'hex'), array_agg(k ORDER BY k), array_agg(h ORDER BY k)
FROM (SELECT a."id"::text AS k, encode(sha256(convert_to(to_jsonb(a)::text, 'UTF8')), 'hex') AS h
  FROM "ConsentDecisionAudit" a) s
HAVING count(*) > 0;
INSERT INTO "AuditChainHead" SELECT "table", "seq", "hash" FROM "AuditChainLink";

CREATE TRIGGER "Consent_chain" AFTER INSERT ON "Consent" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
CREATE TRIGGER "ConsentWithdrawal_chain" AFTER INSERT ON "ConsentWithdrawal" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('consentId');
CREATE TRIGGER "ConsentDecisionAudit_chain" AFTER INSERT ON "ConsentDecisionAudit" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
-- The chain itself is append-only too.
CREATE TRIGGER "AuditChainLink_append_only" BEFORE UPDATE OR DELETE ON "AuditChainLink"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
