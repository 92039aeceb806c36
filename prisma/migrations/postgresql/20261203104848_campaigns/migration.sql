-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "campaignId" TEXT;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "segmentId" TEXT,
    "category" TEXT NOT NULL,
    "messages" TEXT NOT NULL,
    "buttons" TEXT NOT NULL DEFAULT '[]',
    "imageUrl" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "trigger" TEXT,
    "triggerDays" INTEGER,
    "sendAt" TIMESTAMP(3),
    "holdoutPercent" INTEGER NOT NULL DEFAULT 10,
    "holdoutSeed" TEXT NOT NULL,
    "resultDays" INTEGER NOT NULL DEFAULT 7,
    "startedAt" TIMESTAMP(3),
    "enrolledAt" TIMESTAMP(3),
    "fannedOutAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "campaignId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "round" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "decidedAt" TIMESTAMP(3),
    "pressedAt" TIMESTAMP(3),

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("campaignId","memberId","round")
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

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
