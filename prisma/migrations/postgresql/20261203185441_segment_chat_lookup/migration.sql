-- Segments ask "has a chat on these channels" of each member: one look-up in (memberId, channel) instead of one per channel.
-- It replaces the index on memberId alone, which it starts with.
-- DropIndex
DROP INDEX "Chat_memberId_idx";

-- CreateIndex
CREATE INDEX "Chat_memberId_channel_idx" ON "Chat"("memberId", "channel");
