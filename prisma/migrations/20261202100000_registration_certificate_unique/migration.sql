-- CreateIndex
CREATE UNIQUE INDEX "ResultRegistration_certificateNo_key" ON "ResultRegistration"("certificateNo");

