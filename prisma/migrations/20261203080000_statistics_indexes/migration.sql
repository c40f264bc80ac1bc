-- CreateIndex
CREATE INDEX "Task_approvalDecisionDate_idx" ON "Task"("approvalDecisionDate");

-- CreateIndex
CREATE INDEX "Task_contractSignedAt_idx" ON "Task"("contractSignedAt");

-- CreateIndex
CREATE INDEX "Task_submittedAt_idx" ON "Task"("submittedAt");

-- CreateIndex
CREATE INDEX "Task_status_closedAt_idx" ON "Task"("status", "closedAt");

-- CreateIndex
CREATE INDEX "ResultRegistration_certificateDate_idx" ON "ResultRegistration"("certificateDate");

