-- AlterTable
ALTER TABLE "ConsentDecisionAudit" ADD COLUMN     "requesterName" TEXT;
