-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "SocialCase" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "handlingOfficer" TEXT NOT NULL,

    CONSTRAINT "SocialCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SocialCase_caseNumber_key" ON "SocialCase"("caseNumber");

-- CreateIndex
CREATE INDEX "SocialCase_childId_idx" ON "SocialCase"("childId");
