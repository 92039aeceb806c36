-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_createdAt_id_nextAttemptAt_idx" ON "OutboxMessage"("channel", "status", "createdAt", "id", "nextAttemptAt");
