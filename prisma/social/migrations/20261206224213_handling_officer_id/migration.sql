-- AlterTable
ALTER TABLE "SocialCase" ADD COLUMN     "handlingOfficerId" TEXT;
