-- AlterTable
ALTER TABLE "CouncilMember" ADD COLUMN     "replacedById" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CouncilMember_replacedById_key" ON "CouncilMember"("replacedById");

-- AddForeignKey
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "CouncilMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

