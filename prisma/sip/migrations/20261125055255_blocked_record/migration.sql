-- CreateTable
CREATE TABLE "BlockedRecord" (
    "blockId" UUID NOT NULL,
    "recordId" UUID NOT NULL,

    CONSTRAINT "BlockedRecord_pkey" PRIMARY KEY ("blockId")
);

-- AddForeignKey
ALTER TABLE "BlockedRecord" ADD CONSTRAINT "BlockedRecord_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "Block"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A blocked record is never changed or removed (lifting the block ends it), and is chained like the log.
CREATE TRIGGER "BlockedRecord_append_only" BEFORE UPDATE OR DELETE ON "BlockedRecord"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "BlockedRecord_chain" AFTER INSERT ON "BlockedRecord" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('blockId');
