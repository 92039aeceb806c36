-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "platformId" TEXT,
ADD COLUMN     "seenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PublishedImage" (
    "id" TEXT NOT NULL,
    "png" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublishedImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublishedImage_expiresAt_idx" ON "PublishedImage"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_platformId_idx" ON "OutboxMessage"("channel", "platformId");
