-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "lastPurchaseAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filters" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Segment_name_key" ON "Segment"("name");

-- CreateIndex
CREATE INDEX "Member_lastPurchaseAt_idx" ON "Member"("lastPurchaseAt");

-- CreateIndex
CREATE INDEX "Chat_channel_memberId_idx" ON "Chat"("channel", "memberId");

-- CreateIndex
CREATE INDEX "Member_createdAt_id_idx" ON "Member"("createdAt", "id");

-- Backfill: each member's latest purchase that was not refunded.
UPDATE "Member" SET "lastPurchaseAt" = (
    SELECT MAX(p."createdAt") FROM "Purchase" p WHERE p."memberId" = "Member"."id" AND p."refundedAt" IS NULL
);
