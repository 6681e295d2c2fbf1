-- CreateTable
CREATE TABLE "Block" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "scopes" TEXT[],
    "fromUnits" JSONB NOT NULL DEFAULT '[]',
    "until" TIMESTAMPTZ(3),
    "reason" TEXT,
    "givenBy" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedByAgency" "Agency",
    "recordedInSipId" UUID,
    "placedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Block_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlockLift" (
    "blockId" UUID NOT NULL,
    "liftedAt" TIMESTAMPTZ(3) NOT NULL,
    "liftedBy" TEXT NOT NULL,

    CONSTRAINT "BlockLift_pkey" PRIMARY KEY ("blockId")
);

-- CreateIndex
CREATE INDEX "Block_childId_idx" ON "Block"("childId");

-- AddForeignKey
ALTER TABLE "BlockLift" ADD CONSTRAINT "BlockLift_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "Block"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Blocks and their lifting are never changed or removed, and are chained like the log.
CREATE TRIGGER "Block_append_only" BEFORE UPDATE OR DELETE ON "Block"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "BlockLift_append_only" BEFORE UPDATE OR DELETE ON "BlockLift"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "Block_chain" AFTER INSERT ON "Block" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
CREATE TRIGGER "BlockLift_chain" AFTER INSERT ON "BlockLift" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('blockId');
