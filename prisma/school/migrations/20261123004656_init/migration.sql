-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "SchoolPlacement" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "schoolName" TEXT NOT NULL,
    "schoolUnitCode" TEXT NOT NULL,
    "className" TEXT NOT NULL,
    "grade" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "SchoolPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchoolPlacement_childId_idx" ON "SchoolPlacement"("childId");
