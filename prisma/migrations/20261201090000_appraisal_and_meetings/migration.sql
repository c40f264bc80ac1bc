
-- AlterEnum


ALTER TYPE "TaskStatus" ADD VALUE 'SELECTED';
ALTER TYPE "TaskStatus" ADD VALUE 'REVISING';
ALTER TYPE "TaskStatus" ADD VALUE 'APPRAISED';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "revisedAt" TIMESTAMPTZ(3),
ADD COLUMN     "revisionNote" TEXT,
ADD COLUMN     "revisionRequestedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Appraisal" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "contentRemarks" TEXT NOT NULL,
    "items" JSONB NOT NULL DEFAULT '[]',
    "requestedStateBudget" BIGINT NOT NULL,
    "approvedStateBudget" BIGINT NOT NULL,
    "approvedDurationMonths" INTEGER NOT NULL,
    "overRequestReason" TEXT,
    "appraisedById" TEXT NOT NULL,
    "appraisedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Appraisal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMeeting" (
    "id" TEXT NOT NULL,
    "councilId" TEXT,
    "identificationCouncilId" TEXT,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "online" BOOLEAN NOT NULL DEFAULT false,
    "presidingUserId" TEXT NOT NULL,
    "minutesNote" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilAttendance" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "present" BOOLEAN NOT NULL,
    "online" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CouncilAttendance_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Appraisal_taskId_key" ON "Appraisal"("taskId");

-- CreateIndex
CREATE INDEX "CouncilMeeting_councilId_idx" ON "CouncilMeeting"("councilId");

-- CreateIndex
CREATE INDEX "CouncilMeeting_identificationCouncilId_idx" ON "CouncilMeeting"("identificationCouncilId");

-- AddForeignKey
ALTER TABLE "Appraisal" ADD CONSTRAINT "Appraisal_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appraisal" ADD CONSTRAINT "Appraisal_appraisedById_fkey" FOREIGN KEY ("appraisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMeeting" ADD CONSTRAINT "CouncilMeeting_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMeeting" ADD CONSTRAINT "CouncilMeeting_identificationCouncilId_fkey" FOREIGN KEY ("identificationCouncilId") REFERENCES "IdentificationCouncil"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilAttendance" ADD CONSTRAINT "CouncilAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "CouncilMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A meeting belongs to exactly one council: a task (or selection) council or an identification council.
ALTER TABLE "CouncilMeeting" ADD CONSTRAINT "CouncilMeeting_one_council" CHECK (("councilId" IS NULL) <> ("identificationCouncilId" IS NULL));
