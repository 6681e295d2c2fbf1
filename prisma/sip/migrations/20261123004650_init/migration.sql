-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Child" (
    "id" UUID NOT NULL,
    "personnummer" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guardian" (
    "id" UUID NOT NULL,
    "personnummer" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Guardian_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Guardianship" (
    "childId" UUID NOT NULL,
    "guardianId" UUID NOT NULL,
    "hasCustody" BOOLEAN NOT NULL,

    CONSTRAINT "Guardianship_pkey" PRIMARY KEY ("childId","guardianId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Child_personnummer_key" ON "Child"("personnummer");

-- CreateIndex
CREATE UNIQUE INDEX "Guardian_personnummer_key" ON "Guardian"("personnummer");

-- CreateIndex
CREATE INDEX "Guardianship_guardianId_idx" ON "Guardianship"("guardianId");

-- AddForeignKey
ALTER TABLE "Guardianship" ADD CONSTRAINT "Guardianship_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Child"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guardianship" ADD CONSTRAINT "Guardianship_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Guardian"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
