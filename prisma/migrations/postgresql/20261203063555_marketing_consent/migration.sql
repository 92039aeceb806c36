-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "marketingOptIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "MarketingConsentChange" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "optedIn" BOOLEAN NOT NULL,
    "textVersion" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketingConsentChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MarketingConsentChange_memberId_at_idx" ON "MarketingConsentChange"("memberId", "at");

-- CreateIndex
CREATE INDEX "Member_marketingOptIn_idx" ON "Member"("marketingOptIn");

-- AddForeignKey
ALTER TABLE "MarketingConsentChange" ADD CONSTRAINT "MarketingConsentChange_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
