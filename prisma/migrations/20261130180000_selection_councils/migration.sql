-- AlterTable
ALTER TABLE "ListedTask" ADD COLUMN     "selectedAt" TIMESTAMPTZ(3),
ADD COLUMN     "selectionNote" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "selectionOf" INTEGER,
ADD COLUMN     "selectionRank" INTEGER,
ADD COLUMN     "selectionScore" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Council" ADD COLUMN     "listedTaskId" TEXT;

-- CreateIndex
CREATE INDEX "Council_listedTaskId_idx" ON "Council"("listedTaskId");

-- AddForeignKey
ALTER TABLE "Council" ADD CONSTRAINT "Council_listedTaskId_fkey" FOREIGN KEY ("listedTaskId") REFERENCES "ListedTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;

