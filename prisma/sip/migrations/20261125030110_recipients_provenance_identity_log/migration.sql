-- Consents recorded before recipients existed named whole agencies; they keep doing so (toSipParticipants false,
-- no named recipients), and the family sees them as such.

-- AlterEnum
ALTER TYPE "ConsentForm" ADD VALUE 'IN_APP';

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "namedRecipients" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "recordedInSipId" UUID,
ADD COLUMN     "toSipParticipants" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ConsentDecisionAudit" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'CROSS_AGENCY',
ADD COLUMN     "purpose" TEXT,
ALTER COLUMN "scope" DROP NOT NULL;

-- AlterTable
ALTER TABLE "SipParticipant" ADD COLUMN     "removalReason" TEXT,
ADD COLUMN     "removedAt" TIMESTAMPTZ(3),
ADD COLUMN     "removedBy" TEXT;
