-- CreateTable
CREATE TABLE "ConsentRelease" (
    "id" UUID NOT NULL,
    "requestId" TEXT NOT NULL,
    "subgraph" TEXT NOT NULL,
    "childId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "released" BOOLEAN NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConsentRelease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsentRelease_requestId_idx" ON "ConsentRelease"("requestId");

-- Confirmations are never changed or removed, and are chained like the log.
CREATE TRIGGER "ConsentRelease_append_only" BEFORE UPDATE OR DELETE ON "ConsentRelease"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ConsentRelease_chain" AFTER INSERT ON "ConsentRelease" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
