-- Claim periods of prize draws: an unredeemed code lapses to the next entry in score order.
ALTER TABLE "PrizeAward" ADD COLUMN "voidedAt" DATETIME;
ALTER TABLE "Draw" ADD COLUMN "claimDays" INTEGER;
ALTER TABLE "Draw" ADD COLUMN "lapsed" TEXT;
