-- CreateTable
CREATE TABLE "AuditReview" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "reviewedBy" TEXT NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditReview_kind_itemKey_key" ON "AuditReview"("kind", "itemKey");

-- A review is never changed or removed, and is chained like the log it reviews.
CREATE TRIGGER "AuditReview_append_only" BEFORE UPDATE OR DELETE ON "AuditReview"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "AuditReview_chain" AFTER INSERT ON "AuditReview" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
