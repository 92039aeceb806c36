-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_nextAttemptAt_id_idx" ON "OutboxMessage"("channel", "status", "nextAttemptAt", "id");
