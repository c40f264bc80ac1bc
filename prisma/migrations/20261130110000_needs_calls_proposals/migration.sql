-- CreateEnum
CREATE TYPE "CallKind" AS ENUM ('NEEDS', 'SELECTION');

-- CreateEnum
CREATE TYPE "NeedsStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'WITHDRAWN', 'MERGED', 'UNDER_IDENTIFICATION', 'RECOMMENDED', 'NOT_RECOMMENDED', 'LISTED', 'STRUCK');

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "kind" "CallKind" NOT NULL DEFAULT 'SELECTION';

-- CreateTable
CREATE TABLE "NeedsProposal" (
    "id" TEXT NOT NULL,
    "code" TEXT,
    "callId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" "NeedsStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "field" "ScienceField",
    "problem" TEXT NOT NULL DEFAULT '',
    "objectives" TEXT NOT NULL DEFAULT '',
    "expectedResults" TEXT NOT NULL DEFAULT '',
    "applyingUnits" TEXT NOT NULL DEFAULT '',
    "durationMonths" INTEGER,
    "budgetEstimate" BIGINT,
    "returnNote" TEXT,
    "mergedIntoId" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NeedsProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedsCodeCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NeedsCodeCounter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "NeedsProposal_code_key" ON "NeedsProposal"("code");

-- CreateIndex
CREATE INDEX "NeedsProposal_callId_status_updatedAt_idx" ON "NeedsProposal"("callId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "NeedsProposal_organizationId_updatedAt_idx" ON "NeedsProposal"("organizationId", "updatedAt");

-- CreateIndex
CREATE INDEX "NeedsProposal_status_updatedAt_idx" ON "NeedsProposal"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "NeedsProposal_mergedIntoId_idx" ON "NeedsProposal"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Call_kind_opensAt_idx" ON "Call"("kind", "opensAt");

-- AddForeignKey
ALTER TABLE "NeedsProposal" ADD CONSTRAINT "NeedsProposal_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsProposal" ADD CONSTRAINT "NeedsProposal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsProposal" ADD CONSTRAINT "NeedsProposal_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "NeedsProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

