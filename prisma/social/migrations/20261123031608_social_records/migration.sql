-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('SOL', 'LSS', 'LVU');

-- CreateEnum
CREATE TYPE "PlacementKind" AS ENUM ('FAMILY_HOME', 'HVB', 'EMERGENCY_HOME', 'SUPPORTED_HOUSING', 'CONTACT_PERSON', 'CONTACT_FAMILY');

-- CreateTable
CREATE TABLE "Investigation" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "startedOn" DATE NOT NULL,
    "completedOn" DATE,
    "reason" TEXT NOT NULL,
    "assessment" TEXT,

    CONSTRAINT "Investigation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialIntervention" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "legalBasis" "LegalBasis" NOT NULL,
    "provision" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "provider" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SocialIntervention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "kind" "PlacementKind" NOT NULL,
    "legalBasis" "LegalBasis" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "provider" TEXT NOT NULL,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Investigation_childId_startedOn_idx" ON "Investigation"("childId", "startedOn");

-- CreateIndex
CREATE INDEX "SocialIntervention_childId_startsOn_idx" ON "SocialIntervention"("childId", "startsOn");

-- CreateIndex
CREATE INDEX "Placement_childId_startsOn_idx" ON "Placement"("childId", "startsOn");

-- AddForeignKey
ALTER TABLE "Investigation" ADD CONSTRAINT "Investigation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SocialCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialIntervention" ADD CONSTRAINT "SocialIntervention_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SocialCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
