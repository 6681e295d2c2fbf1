-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "cancellationReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3);
