-- CreateTable
CREATE TABLE "ChildView" (
    "id" UUID NOT NULL,
    "sipId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "meetingId" UUID,
    "text" TEXT NOT NULL,
    "sharedWith" UUID[],
    "writtenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChildView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChildView_sipId_idx" ON "ChildView"("sipId");

-- The child's views are kept as they were written.
CREATE TRIGGER "ChildView_append_only" BEFORE UPDATE OR DELETE ON "ChildView"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ChildView_no_truncate" BEFORE TRUNCATE ON "ChildView"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
