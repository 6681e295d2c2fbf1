-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CareUnitType" AS ENUM ('BUP', 'HABILITERING', 'VARDCENTRAL', 'PAEDIATRICS');

-- CreateTable
CREATE TABLE "CareContact" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "unitName" TEXT NOT NULL,
    "unitType" "CareUnitType" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "CareContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CareContact_childId_idx" ON "CareContact"("childId");
