-- CreateEnum
CREATE TYPE "InvitationAnswerKind" AS ENUM ('ACCEPTED', 'FORWARDED', 'DECLINED');

-- AlterTable: the units invited so far were invited when their SIP was opened, to answer within five days.
ALTER TABLE "SipInvitation" ADD COLUMN "answerBy" TIMESTAMPTZ(3), ADD COLUMN "invitedAt" TIMESTAMPTZ(3);
UPDATE "SipInvitation" i SET "invitedAt" = s."initiatedAt", "answerBy" = s."initiatedAt" + interval '5 days'
  FROM "Sip" s WHERE s."id" = i."sipId";
ALTER TABLE "SipInvitation" ALTER COLUMN "answerBy" SET NOT NULL, ALTER COLUMN "invitedAt" SET NOT NULL;

-- CreateTable
CREATE TABLE "SipInvitationAnswer" (
    "invitationId" UUID NOT NULL,
    "kind" "InvitationAnswerKind" NOT NULL,
    "attendeeId" UUID,
    "forwardedToId" UUID,
    "note" TEXT,
    "answeredBy" TEXT NOT NULL,
    "answeredByName" TEXT,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SipInvitationAnswer_pkey" PRIMARY KEY ("invitationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SipInvitationAnswer_forwardedToId_key" ON "SipInvitationAnswer"("forwardedToId");

-- CreateIndex
CREATE INDEX "SipInvitation_agency_unit_idx" ON "SipInvitation"("agency", "unit");

-- AddForeignKey
ALTER TABLE "SipInvitationAnswer" ADD CONSTRAINT "SipInvitationAnswer_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "SipInvitation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipInvitationAnswer" ADD CONSTRAINT "SipInvitationAnswer_forwardedToId_fkey" FOREIGN KEY ("forwardedToId") REFERENCES "SipInvitation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipInvitationAnswer" ADD CONSTRAINT "SipInvitationAnswer_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "SipParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A unit's answer is kept as it was given.
CREATE TRIGGER "SipInvitationAnswer_append_only" BEFORE UPDATE OR DELETE ON "SipInvitationAnswer"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SipInvitationAnswer_no_truncate" BEFORE TRUNCATE ON "SipInvitationAnswer"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
