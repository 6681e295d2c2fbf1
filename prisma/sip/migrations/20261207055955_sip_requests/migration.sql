-- CreateTable
CREATE TABLE "SipRequest" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "needs" TEXT NOT NULL,
    "agencies" "Agency"[],
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipRequestAnswer" (
    "requestId" UUID NOT NULL,
    "accepted" BOOLEAN NOT NULL,
    "reason" TEXT,
    "sipId" UUID,
    "answeredBy" TEXT NOT NULL,
    "answeredByName" TEXT,
    "answeredByAgency" "Agency" NOT NULL,
    "answeredByUnit" TEXT NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SipRequestAnswer_pkey" PRIMARY KEY ("requestId")
);

-- CreateIndex
CREATE INDEX "SipRequest_childId_idx" ON "SipRequest"("childId");

-- CreateIndex
CREATE INDEX "SipRequest_requestedAt_idx" ON "SipRequest"("requestedAt");

-- AddForeignKey
ALTER TABLE "SipRequestAnswer" ADD CONSTRAINT "SipRequestAnswer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SipRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A family's request and its answer are kept as they were written, and chained like the log.
CREATE TRIGGER "SipRequest_append_only" BEFORE UPDATE OR DELETE ON "SipRequest"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SipRequest_no_truncate" BEFORE TRUNCATE ON "SipRequest"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SipRequest_chain" AFTER INSERT ON "SipRequest" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
CREATE TRIGGER "SipRequestAnswer_append_only" BEFORE UPDATE OR DELETE ON "SipRequestAnswer"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SipRequestAnswer_no_truncate" BEFORE TRUNCATE ON "SipRequestAnswer"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SipRequestAnswer_chain" AFTER INSERT ON "SipRequestAnswer" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('requestId');
