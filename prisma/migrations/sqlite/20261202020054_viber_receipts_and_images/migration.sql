-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "deliveredAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "failedAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "platformId" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "seenAt" DATETIME;

-- CreateTable
CREATE TABLE "PublishedImage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "png" BLOB NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "PublishedImage_expiresAt_idx" ON "PublishedImage"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_platformId_idx" ON "OutboxMessage"("channel", "platformId");
