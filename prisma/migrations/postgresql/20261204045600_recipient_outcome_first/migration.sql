-- DropIndex
DROP INDEX "CampaignRecipient_campaignId_outcome_memberId_round_idx";

-- CreateIndex
CREATE INDEX "CampaignRecipient_outcome_campaignId_memberId_round_idx" ON "CampaignRecipient"("outcome", "campaignId", "memberId", "round");
