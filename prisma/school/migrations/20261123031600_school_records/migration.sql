-- CreateEnum
CREATE TYPE "AbsenceReason" AS ENUM ('ILLNESS', 'MEDICAL_APPOINTMENT', 'LEAVE_GRANTED', 'UNREPORTED', 'OTHER');

-- CreateEnum
CREATE TYPE "StudentHealthProfession" AS ENUM ('SCHOOL_NURSE', 'SCHOOL_DOCTOR', 'COUNSELLOR', 'PSYCHOLOGIST', 'SPECIAL_EDUCATOR');

-- AlterTable
ALTER TABLE "SchoolPlacement" ADD COLUMN     "mentor" TEXT;

-- CreateTable
CREATE TABLE "Absence" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "reason" "AbsenceReason" NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtraAdaptation" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "subject" TEXT,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "decidedBy" TEXT NOT NULL,
    "evaluatedOn" DATE,

    CONSTRAINT "ExtraAdaptation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionProgramme" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "decidedOn" DATE NOT NULL,
    "needs" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "evaluateOn" DATE NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "endedOn" DATE,

    CONSTRAINT "ActionProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudentHealthContact" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "profession" "StudentHealthProfession" NOT NULL,
    "purpose" TEXT NOT NULL,

    CONSTRAINT "StudentHealthContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Absence_childId_date_idx" ON "Absence"("childId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Absence_childId_date_recordedAt_key" ON "Absence"("childId", "date", "recordedAt");

-- CreateIndex
CREATE INDEX "ExtraAdaptation_childId_startsOn_idx" ON "ExtraAdaptation"("childId", "startsOn");

-- CreateIndex
CREATE INDEX "ActionProgramme_childId_decidedOn_idx" ON "ActionProgramme"("childId", "decidedOn");

-- CreateIndex
CREATE INDEX "StudentHealthContact_childId_date_idx" ON "StudentHealthContact"("childId", "date");
