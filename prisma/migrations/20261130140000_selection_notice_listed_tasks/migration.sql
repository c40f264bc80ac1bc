-- AlterTable
ALTER TABLE "ListedTask" ADD COLUMN     "callId" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "listedTaskId" TEXT;

-- CreateIndex
CREATE INDEX "ListedTask_callId_status_idx" ON "ListedTask"("callId", "status");

-- CreateIndex
CREATE INDEX "Task_listedTaskId_hostOrganizationId_idx" ON "Task"("listedTaskId", "hostOrganizationId");

-- AddForeignKey
ALTER TABLE "ListedTask" ADD CONSTRAINT "ListedTask_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_listedTaskId_fkey" FOREIGN KEY ("listedTaskId") REFERENCES "ListedTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;

