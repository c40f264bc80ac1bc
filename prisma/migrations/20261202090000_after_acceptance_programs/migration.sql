-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('SUBMITTED', 'RETURNED', 'REGISTERED');

-- CreateEnum
CREATE TYPE "ApplicationReportStatus" AS ENUM ('SUBMITTED', 'NEEDS_REVISION', 'REVIEWED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskType" ADD VALUE 'TECH_INNOVATION';
ALTER TYPE "TaskType" ADD VALUE 'PRODUCTIVITY_QUALITY';
ALTER TYPE "TaskType" ADD VALUE 'INTELLECTUAL_PROPERTY';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AttachmentKind" ADD VALUE 'REGISTRATION_FORM';
ALTER TYPE "AttachmentKind" ADD VALUE 'APPLICATION_REPORT';

-- AlterTable
ALTER TABLE "NeedsProposal" ADD COLUMN     "programId" TEXT;

-- AlterTable
ALTER TABLE "ListedTask" ADD COLUMN     "programId" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "beneficiaryEnterprise" TEXT,
ADD COLUMN     "programId" TEXT,
ADD COLUMN     "supportAmount" BIGINT;

-- CreateTable
CREATE TABLE "ResultRegistration" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "resultsSummary" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "returnNote" TEXT,
    "certificateNo" TEXT,
    "certificateDate" DATE,
    "registeredById" TEXT,
    "registeredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResultRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Liquidation" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "recordNo" TEXT NOT NULL,
    "liquidatedOn" DATE NOT NULL,
    "disbursed" BIGINT NOT NULL,
    "spent" BIGINT NOT NULL,
    "refunded" BIGINT NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Liquidation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationReport" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "yearNo" INTEGER NOT NULL,
    "status" "ApplicationReportStatus" NOT NULL DEFAULT 'SUBMITTED',
    "applicationPlaces" TEXT NOT NULL,
    "benefits" TEXT NOT NULL,
    "revenue" BIGINT,
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewNote" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApplicationReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "goals" TEXT NOT NULL,
    "budget" BIGINT NOT NULL,
    "decisionNo" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResultRegistration_taskId_key" ON "ResultRegistration"("taskId");

-- CreateIndex
CREATE INDEX "ResultRegistration_status_idx" ON "ResultRegistration"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Liquidation_taskId_key" ON "Liquidation"("taskId");

-- CreateIndex
CREATE INDEX "Liquidation_liquidatedOn_idx" ON "Liquidation"("liquidatedOn");

-- CreateIndex
CREATE INDEX "ApplicationReport_status_idx" ON "ApplicationReport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationReport_taskId_dueDate_key" ON "ApplicationReport"("taskId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Program_code_key" ON "Program"("code");

-- CreateIndex
CREATE INDEX "Program_startYear_idx" ON "Program"("startYear");

-- CreateIndex
CREATE INDEX "NeedsProposal_programId_idx" ON "NeedsProposal"("programId");

-- CreateIndex
CREATE INDEX "ListedTask_programId_idx" ON "ListedTask"("programId");

-- CreateIndex
CREATE INDEX "Task_programId_idx" ON "Task"("programId");

-- CreateIndex
CREATE INDEX "Task_status_acceptanceDecisionDate_idx" ON "Task"("status", "acceptanceDecisionDate");

-- AddForeignKey
ALTER TABLE "NeedsProposal" ADD CONSTRAINT "NeedsProposal_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListedTask" ADD CONSTRAINT "ListedTask_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultRegistration" ADD CONSTRAINT "ResultRegistration_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Liquidation" ADD CONSTRAINT "Liquidation_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationReport" ADD CONSTRAINT "ApplicationReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

