-- CreateTable
CREATE TABLE "PrizeAward" (
    "winId" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "prize" INTEGER NOT NULL,
    "memberId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "points" INTEGER,
    "code" TEXT,
    "awardedAt" TIMESTAMP(3) NOT NULL,
    "redeemedAt" TIMESTAMP(3),
    "redeemedBy" TEXT,

    CONSTRAINT "PrizeAward_pkey" PRIMARY KEY ("winId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrizeAward_code_key" ON "PrizeAward"("code");

-- CreateIndex
CREATE INDEX "PrizeAward_memberId_redeemedAt_idx" ON "PrizeAward"("memberId", "redeemedAt");

-- CreateIndex
CREATE INDEX "PrizeAward_sourceKind_sourceId_idx" ON "PrizeAward"("sourceKind", "sourceId");
