-- DropIndex
DROP INDEX "CampaignRecipient_campaignId_outcome_idx";

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_outcome_memberId_round_idx" ON "CampaignRecipient"("campaignId", "outcome", "memberId", "round");
