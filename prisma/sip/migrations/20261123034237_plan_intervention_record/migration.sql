-- AlterTable
ALTER TABLE "PlanIntervention" ADD COLUMN     "agencyRecordId" UUID;
