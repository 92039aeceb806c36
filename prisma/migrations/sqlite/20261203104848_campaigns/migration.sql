-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "campaignId" TEXT;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "segmentId" TEXT,
    "category" TEXT NOT NULL,
    "messages" TEXT NOT NULL,
    "buttons" TEXT NOT NULL DEFAULT '[]',
    "imageUrl" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "trigger" TEXT,
    "triggerDays" INTEGER,
    "sendAt" DATETIME,
    "holdoutPercent" INTEGER NOT NULL DEFAULT 10,
    "holdoutSeed" TEXT NOT NULL,
    "resultDays" INTEGER NOT NULL DEFAULT 7,
    "startedAt" DATETIME,
    "enrolledAt" DATETIME,
    "fannedOutAt" DATETIME,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "campaignId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "round" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "decidedAt" DATETIME,
    "pressedAt" DATETIME,

    PRIMARY KEY ("campaignId", "memberId", "round"),
    CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignRecipient_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_trigger_key" ON "Campaign"("trigger");

-- CreateIndex
CREATE INDEX "Campaign_status_sendAt_idx" ON "Campaign"("status", "sendAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_outcome_idx" ON "CampaignRecipient"("campaignId", "outcome");

-- CreateIndex
CREATE INDEX "CampaignRecipient_memberId_outcome_decidedAt_idx" ON "CampaignRecipient"("memberId", "outcome", "decidedAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_campaignId_status_idx" ON "OutboxMessage"("campaignId", "status");
