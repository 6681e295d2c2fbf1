-- CreateEnum
CREATE TYPE "FamilyAnswer" AS ENUM ('AGREED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ClosureReason" AS ENUM ('FAMILY_DECLINED', 'GOALS_MET', 'NO_LONGER_NEEDED', 'CONSENT_WITHDRAWN');

-- CreateEnum
CREATE TYPE "ParticipantKind" AS ENUM ('STAFF', 'GUARDIAN', 'CHILD', 'RELATIVE');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('FAMILY_PRE_MEETING', 'AGENCY_PRE_MEETING', 'SIP_MEETING', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "MeetingMode" AS ENUM ('IN_PERSON', 'DIGITAL', 'PHONE', 'HYBRID');

-- CreateEnum
CREATE TYPE "GoalTerm" AS ENUM ('SHORT', 'LONG');

-- CreateTable
CREATE TABLE "Sip" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "questions" TEXT[],
    "initiatedAt" TIMESTAMPTZ(3) NOT NULL,
    "familyAnswer" "FamilyAnswer",
    "familyAnswerNote" TEXT,
    "familyAnsweredAt" TIMESTAMPTZ(3),
    "familyAnsweredBy" TEXT,
    "wishedPlace" TEXT,
    "wishedTime" TEXT,
    "wishedBreaks" TEXT,
    "interpreterLanguage" TEXT,
    "notesDelivery" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "closureReason" "ClosureReason",
    "closureNote" TEXT,
    "closedBy" TEXT,

    CONSTRAINT "Sip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipInvitation" (
    "id" UUID NOT NULL,
    "sipId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "unit" TEXT NOT NULL,

    CONSTRAINT "SipInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipParticipant" (
    "id" UUID NOT NULL,
    "sipId" UUID NOT NULL,
    "kind" "ParticipantKind" NOT NULL,
    "subject" TEXT,
    "name" TEXT NOT NULL,
    "agency" "Agency",
    "unit" TEXT,
    "title" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "isInitiator" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SipParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SipConsent" (
    "sipId" UUID NOT NULL,
    "consentId" UUID NOT NULL,
    "linkedAt" TIMESTAMPTZ(3) NOT NULL,
    "linkedBy" TEXT NOT NULL,

    CONSTRAINT "SipConsent_pkey" PRIMARY KEY ("sipId","consentId")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "sipId" UUID NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "mode" "MeetingMode" NOT NULL,
    "place" TEXT,
    "link" TEXT,
    "chairId" UUID NOT NULL,
    "secretaryId" UUID,
    "scheduledAt" TIMESTAMPTZ(3) NOT NULL,
    "scheduledBy" TEXT NOT NULL,
    "heldAt" TIMESTAMPTZ(3),
    "notes" TEXT,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "meetingId" UUID NOT NULL,
    "participantId" UUID NOT NULL,
    "invited" BOOLEAN NOT NULL,
    "attended" BOOLEAN,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("meetingId","participantId")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" UUID NOT NULL,
    "sipId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "meetingId" UUID,
    "needs" TEXT[],
    "familyActions" TEXT[],
    "disagreements" TEXT[],
    "coordinatorId" UUID NOT NULL,
    "coordinatorPhone" TEXT NOT NULL,
    "coordinatorEmail" TEXT NOT NULL,
    "followUpOn" DATE NOT NULL,
    "followUpHow" TEXT NOT NULL,
    "endCriteria" TEXT,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanGoal" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "term" "GoalTerm" NOT NULL,
    "description" TEXT NOT NULL,
    "measure" TEXT NOT NULL,

    CONSTRAINT "PlanGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanIntervention" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "what" TEXT NOT NULL,
    "agency" "Agency" NOT NULL,
    "unit" TEXT NOT NULL,
    "responsiblePerson" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "location" TEXT NOT NULL,
    "evaluationMethod" TEXT NOT NULL,
    "evaluatedBy" TEXT NOT NULL,

    CONSTRAINT "PlanIntervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanSignature" (
    "versionId" UUID NOT NULL,
    "participantId" UUID NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanSignature_pkey" PRIMARY KEY ("versionId","participantId")
);

-- CreateTable
CREATE TABLE "SipFeedback" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "givenBy" TEXT NOT NULL,
    "listenedTo" INTEGER NOT NULL,
    "understood" INTEGER NOT NULL,
    "helpful" INTEGER NOT NULL,
    "comment" TEXT,
    "givenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SipFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Sip_childId_idx" ON "Sip"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "SipInvitation_sipId_agency_unit_key" ON "SipInvitation"("sipId", "agency", "unit");

-- CreateIndex
CREATE INDEX "SipParticipant_subject_idx" ON "SipParticipant"("subject");

-- CreateIndex
CREATE UNIQUE INDEX "SipParticipant_sipId_subject_key" ON "SipParticipant"("sipId", "subject");

-- CreateIndex
CREATE INDEX "SipConsent_consentId_idx" ON "SipConsent"("consentId");

-- CreateIndex
CREATE INDEX "Meeting_sipId_startsAt_idx" ON "Meeting"("sipId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_sipId_number_key" ON "PlanVersion"("sipId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PlanGoal_versionId_position_key" ON "PlanGoal"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PlanIntervention_versionId_position_key" ON "PlanIntervention"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SipFeedback_meetingId_givenBy_key" ON "SipFeedback"("meetingId", "givenBy");

-- AddForeignKey
ALTER TABLE "Sip" ADD CONSTRAINT "Sip_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipInvitation" ADD CONSTRAINT "SipInvitation_sipId_fkey" FOREIGN KEY ("sipId") REFERENCES "Sip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipParticipant" ADD CONSTRAINT "SipParticipant_sipId_fkey" FOREIGN KEY ("sipId") REFERENCES "Sip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipConsent" ADD CONSTRAINT "SipConsent_sipId_fkey" FOREIGN KEY ("sipId") REFERENCES "Sip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipConsent" ADD CONSTRAINT "SipConsent_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_sipId_fkey" FOREIGN KEY ("sipId") REFERENCES "Sip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "SipParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_sipId_fkey" FOREIGN KEY ("sipId") REFERENCES "Sip"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanGoal" ADD CONSTRAINT "PlanGoal_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanIntervention" ADD CONSTRAINT "PlanIntervention_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSignature" ADD CONSTRAINT "PlanSignature_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSignature" ADD CONSTRAINT "PlanSignature_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "SipParticipant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipFeedback" ADD CONSTRAINT "SipFeedback_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A plan version is what participants sign: its content and its signatures never change.
CREATE TRIGGER "PlanVersion_append_only" BEFORE UPDATE OR DELETE ON "PlanVersion"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PlanGoal_append_only" BEFORE UPDATE OR DELETE ON "PlanGoal"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PlanIntervention_append_only" BEFORE UPDATE OR DELETE ON "PlanIntervention"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PlanSignature_append_only" BEFORE UPDATE OR DELETE ON "PlanSignature"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SipFeedback_append_only" BEFORE UPDATE OR DELETE ON "SipFeedback"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
