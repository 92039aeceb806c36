-- CreateTable
CREATE TABLE "MarketingConsentChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "optedIn" BOOLEAN NOT NULL,
    "textVersion" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "MarketingConsentChange_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
-- SQLite adds a NOT NULL column with a constant default in place: no copy of the members table.
ALTER TABLE "Member" ADD COLUMN "marketingOptIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Member_marketingOptIn_idx" ON "Member"("marketingOptIn");

-- CreateIndex
CREATE INDEX "MarketingConsentChange_memberId_at_idx" ON "MarketingConsentChange"("memberId", "at");
