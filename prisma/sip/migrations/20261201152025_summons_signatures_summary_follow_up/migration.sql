-- CreateEnum
CREATE TYPE "SignatureForm" AS ENUM ('IN_APP', 'PAPER');

-- CreateEnum
CREATE TYPE "SummonsKind" AS ENUM ('BOOKED', 'MOVED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "InterventionOutcome" AS ENUM ('WORKED', 'PARTLY', 'DID_NOT_WORK');

-- AlterTable
ALTER TABLE "Sip" ADD COLUMN     "childMayReadSummary" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PlanSignature" ADD COLUMN     "form" "SignatureForm" NOT NULL DEFAULT 'IN_APP',
ADD COLUMN     "recordedBy" TEXT;

-- CreateTable
CREATE TABLE "Summons" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "participantId" UUID NOT NULL,
    "kind" "SummonsKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "ics" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Summons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterventionFollowUp" (
    "meetingId" UUID NOT NULL,
    "interventionId" UUID NOT NULL,
    "done" TEXT NOT NULL,
    "outcome" "InterventionOutcome" NOT NULL,
    "changes" TEXT NOT NULL,

    CONSTRAINT "InterventionFollowUp_pkey" PRIMARY KEY ("meetingId","interventionId")
);

-- CreateIndex
CREATE INDEX "Summons_meetingId_idx" ON "Summons"("meetingId");

-- CreateIndex
CREATE INDEX "Summons_participantId_idx" ON "Summons"("participantId");

-- AddForeignKey
ALTER TABLE "Summons" ADD CONSTRAINT "Summons_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Summons" ADD CONSTRAINT "Summons_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "SipParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterventionFollowUp" ADD CONSTRAINT "InterventionFollowUp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterventionFollowUp" ADD CONSTRAINT "InterventionFollowUp_interventionId_fkey" FOREIGN KEY ("interventionId") REFERENCES "PlanIntervention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What was sent to whom, and what a follow-up found, are never changed or removed.
CREATE TRIGGER "Summons_append_only" BEFORE UPDATE OR DELETE ON "Summons"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "InterventionFollowUp_append_only" BEFORE UPDATE OR DELETE ON "InterventionFollowUp"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
