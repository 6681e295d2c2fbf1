-- CreateEnum
CREATE TYPE "VisitMode" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO');

-- CreateEnum
CREATE TYPE "TreatmentKind" AS ENUM ('MEDICATION', 'THERAPY', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED');

-- CreateTable
CREATE TABLE "CareVisit" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "mode" "VisitMode" NOT NULL,
    "profession" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CareVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Diagnosis" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "diagnosedOn" DATE NOT NULL,
    "unitName" TEXT NOT NULL,

    CONSTRAINT "Diagnosis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Treatment" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "kind" "TreatmentKind" NOT NULL,
    "name" TEXT NOT NULL,
    "dosage" TEXT,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "unitName" TEXT NOT NULL,

    CONSTRAINT "Treatment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "fromUnit" TEXT NOT NULL,
    "toUnit" TEXT NOT NULL,
    "sentOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ReferralStatus" NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareVisit_childId_date_idx" ON "CareVisit"("childId", "date");

-- CreateIndex
CREATE INDEX "Diagnosis_childId_diagnosedOn_idx" ON "Diagnosis"("childId", "diagnosedOn");

-- CreateIndex
CREATE INDEX "Treatment_childId_startsOn_idx" ON "Treatment"("childId", "startsOn");

-- CreateIndex
CREATE INDEX "Referral_childId_sentOn_idx" ON "Referral"("childId", "sentOn");

-- AddForeignKey
ALTER TABLE "CareVisit" ADD CONSTRAINT "CareVisit_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "CareContact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
