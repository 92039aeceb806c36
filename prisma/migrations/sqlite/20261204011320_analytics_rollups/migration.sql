-- CreateTable
CREATE TABLE "DailyFigures" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "purchases" INTEGER NOT NULL DEFAULT 0,
    "revenue" INTEGER NOT NULL DEFAULT 0,
    "newMembers" INTEGER NOT NULL DEFAULT 0,
    "pointsIssued" INTEGER NOT NULL DEFAULT 0,
    "pointsRedeemed" INTEGER NOT NULL DEFAULT 0,
    "pointsExpired" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "MemberMonth" (
    "memberId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "joinMonth" TEXT NOT NULL,
    "purchases" INTEGER NOT NULL DEFAULT 0,
    "spend" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("memberId", "month")
);

-- CreateIndex
CREATE INDEX "MemberMonth_joinMonth_month_purchases_idx" ON "MemberMonth"("joinMonth", "month", "purchases");

-- CreateIndex
CREATE INDEX "Purchase_createdAt_memberId_refundedAt_idx" ON "Purchase"("createdAt", "memberId", "refundedAt");
