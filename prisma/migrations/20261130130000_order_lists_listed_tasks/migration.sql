-- CreateEnum
CREATE TYPE "OrderListStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'DECIDED');

-- CreateEnum
CREATE TYPE "ListedTaskStatus" AS ENUM ('PROPOSED', 'STRUCK', 'LISTED', 'OPEN', 'ASSIGNED', 'UNASSIGNED');

-- CreateTable
CREATE TABLE "OrderList" (
    "id" TEXT NOT NULL,
    "planYear" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "OrderListStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "letterNumber" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "decidedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrderList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListedTask" (
    "id" TEXT NOT NULL,
    "code" TEXT,
    "planYear" INTEGER NOT NULL,
    "status" "ListedTaskStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "listId" TEXT,
    "needsProposalId" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT NOT NULL,
    "field" "ScienceField",
    "objectives" TEXT NOT NULL DEFAULT '',
    "products" TEXT NOT NULL DEFAULT '',
    "method" "AssignmentMethod" NOT NULL,
    "directOrganizationId" TEXT,
    "directReason" TEXT NOT NULL DEFAULT '',
    "durationMonths" INTEGER,
    "budgetEstimate" BIGINT,
    "decisionNumber" TEXT,
    "decisionDate" DATE,
    "struckReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ListedTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListedTaskCodeCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ListedTaskCodeCounter_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "OrderList_planYear_createdAt_idx" ON "OrderList"("planYear", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ListedTask_code_key" ON "ListedTask"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ListedTask_needsProposalId_key" ON "ListedTask"("needsProposalId");

-- CreateIndex
CREATE INDEX "ListedTask_listId_idx" ON "ListedTask"("listId");

-- CreateIndex
CREATE INDEX "ListedTask_planYear_status_idx" ON "ListedTask"("planYear", "status");

-- CreateIndex
CREATE INDEX "ListedTask_status_updatedAt_idx" ON "ListedTask"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "ListedTask_directOrganizationId_idx" ON "ListedTask"("directOrganizationId");

-- AddForeignKey
ALTER TABLE "ListedTask" ADD CONSTRAINT "ListedTask_listId_fkey" FOREIGN KEY ("listId") REFERENCES "OrderList"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListedTask" ADD CONSTRAINT "ListedTask_needsProposalId_fkey" FOREIGN KEY ("needsProposalId") REFERENCES "NeedsProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListedTask" ADD CONSTRAINT "ListedTask_directOrganizationId_fkey" FOREIGN KEY ("directOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

