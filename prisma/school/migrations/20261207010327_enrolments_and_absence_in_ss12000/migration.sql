-- Enrolments and absence are read from the school's student information system over SS 12000 now; the graph keeps no copy of them.
-- DropTable
DROP TABLE "SchoolPlacement";

-- DropTable
DROP TABLE "Absence";

-- DropEnum
DROP TYPE "AbsenceReason";
