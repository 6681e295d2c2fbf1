-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "SummonsDelivery" (
    "summonsId" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "SummonsDelivery_pkey" PRIMARY KEY ("summonsId")
);

-- CreateIndex
CREATE INDEX "SummonsDelivery_state_nextAttemptAt_idx" ON "SummonsDelivery"("state", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "SummonsDelivery" ADD CONSTRAINT "SummonsDelivery_summonsId_fkey" FOREIGN KEY ("summonsId") REFERENCES "Summons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
