-- The plan's own text names the information category each entry comes from (policy/plan-content.ts),
-- and an entry may be kept from the guardians at the young person's request. Needs and meeting
-- notes become rows of their own; what was written before stays as it was seen, SHARED.

-- CreateTable
CREATE TABLE "PlanNeed" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "keptFromGuardians" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PlanNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingNote" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "keptFromGuardians" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "MeetingNote_pkey" PRIMARY KEY ("id")
);

INSERT INTO "PlanNeed" ("id", "versionId", "position", "text", "category")
  SELECT gen_random_uuid(), v."id", need.position - 1, need.text, 'SHARED'
  FROM "PlanVersion" v, unnest(v."needs") WITH ORDINALITY AS need(text, position);

INSERT INTO "MeetingNote" ("id", "meetingId", "position", "text", "category")
  SELECT gen_random_uuid(), "id", 0, "notes", 'SHARED' FROM "Meeting" WHERE "notes" IS NOT NULL;

-- AlterTable
ALTER TABLE "Meeting" DROP COLUMN "notes";

-- AlterTable
ALTER TABLE "PlanVersion" DROP COLUMN "needs";

-- AlterTable
ALTER TABLE "PlanGoal" ADD COLUMN     "category" TEXT NOT NULL DEFAULT 'SHARED',
ADD COLUMN     "keptFromGuardians" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PlanIntervention" ADD COLUMN     "category" TEXT NOT NULL DEFAULT 'SHARED',
ADD COLUMN     "keptFromGuardians" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "MeetingNote_meetingId_position_key" ON "MeetingNote"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PlanNeed_versionId_position_key" ON "PlanNeed"("versionId", "position");

-- AddForeignKey
ALTER TABLE "MeetingNote" ADD CONSTRAINT "MeetingNote_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanNeed" ADD CONSTRAINT "PlanNeed_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A plan's needs are kept as the version was written, and a meeting's notes as they were recorded.
CREATE TRIGGER "PlanNeed_append_only" BEFORE UPDATE OR DELETE ON "PlanNeed"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PlanNeed_no_truncate" BEFORE TRUNCATE ON "PlanNeed"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "MeetingNote_append_only" BEFORE UPDATE OR DELETE ON "MeetingNote"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "MeetingNote_no_truncate" BEFORE TRUNCATE ON "MeetingNote"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
