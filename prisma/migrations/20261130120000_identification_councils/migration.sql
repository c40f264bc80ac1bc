-- CreateEnum
CREATE TYPE "AssignmentMethod" AS ENUM ('SELECTION', 'DIRECT');

-- AlterTable
ALTER TABLE "NeedsProposal" ADD COLUMN     "identificationCouncilId" TEXT,
ADD COLUMN     "recommendedDirectOrgId" TEXT,
ADD COLUMN     "recommendedMethod" "AssignmentMethod",
ADD COLUMN     "refinedObjectives" TEXT,
ADD COLUMN     "refinedProducts" TEXT,
ADD COLUMN     "refinedTitle" TEXT;

-- CreateTable
CREATE TABLE "IdentificationCouncil" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "CouncilStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "meetingAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IdentificationCouncil_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentificationMember" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" "CouncilPosition" NOT NULL,
    "conflictStatus" "ConflictStatus" NOT NULL DEFAULT 'PENDING',
    "conflictReason" TEXT,
    "declaredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentificationMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedsRating" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "needsId" TEXT NOT NULL,
    "status" "BallotStatus" NOT NULL DEFAULT 'DRAFT',
    "recommend" BOOLEAN,
    "method" "AssignmentMethod",
    "directOrganizationId" TEXT,
    "directReason" TEXT NOT NULL DEFAULT '',
    "refinedTitle" TEXT NOT NULL DEFAULT '',
    "refinedObjectives" TEXT NOT NULL DEFAULT '',
    "refinedProducts" TEXT NOT NULL DEFAULT '',
    "comments" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NeedsRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentificationCouncil_callId_createdAt_idx" ON "IdentificationCouncil"("callId", "createdAt");

-- CreateIndex
CREATE INDEX "IdentificationCouncil_status_createdAt_idx" ON "IdentificationCouncil"("status", "createdAt");

-- CreateIndex
CREATE INDEX "IdentificationMember_userId_idx" ON "IdentificationMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentificationMember_councilId_userId_key" ON "IdentificationMember"("councilId", "userId");

-- CreateIndex
CREATE INDEX "NeedsRating_needsId_idx" ON "NeedsRating"("needsId");

-- CreateIndex
CREATE UNIQUE INDEX "NeedsRating_memberId_needsId_key" ON "NeedsRating"("memberId", "needsId");

-- CreateIndex
CREATE INDEX "NeedsProposal_identificationCouncilId_idx" ON "NeedsProposal"("identificationCouncilId");

-- AddForeignKey
ALTER TABLE "NeedsProposal" ADD CONSTRAINT "NeedsProposal_identificationCouncilId_fkey" FOREIGN KEY ("identificationCouncilId") REFERENCES "IdentificationCouncil"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsProposal" ADD CONSTRAINT "NeedsProposal_recommendedDirectOrgId_fkey" FOREIGN KEY ("recommendedDirectOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentificationCouncil" ADD CONSTRAINT "IdentificationCouncil_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentificationMember" ADD CONSTRAINT "IdentificationMember_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "IdentificationCouncil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentificationMember" ADD CONSTRAINT "IdentificationMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsRating" ADD CONSTRAINT "NeedsRating_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "IdentificationMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsRating" ADD CONSTRAINT "NeedsRating_needsId_fkey" FOREIGN KEY ("needsId") REFERENCES "NeedsProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsRating" ADD CONSTRAINT "NeedsRating_directOrganizationId_fkey" FOREIGN KEY ("directOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
