-- CreateIndex
CREATE INDEX "Task_budgetTotal_idx" ON "Task"("budgetTotal");

