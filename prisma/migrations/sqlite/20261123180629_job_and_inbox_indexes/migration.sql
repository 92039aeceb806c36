-- CreateIndex
CREATE INDEX "LedgerEntry_expiresAt_idx" ON "LedgerEntry"("expiresAt");

-- CreateIndex
CREATE INDEX "Member_birthMonth_birthDay_idx" ON "Member"("birthMonth", "birthDay");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_address_status_sentAt_idx" ON "OutboxMessage"("channel", "address", "status", "sentAt");
