-- CreateTable
CREATE TABLE "MemberScore" (
    "memberId" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "recency" INTEGER,
    "frequency" INTEGER,
    "monetary" INTEGER,
    "rfmSegment" TEXT,
    "quadrant" TEXT,
    "purchasesPerMonth" DOUBLE PRECISION NOT NULL,
    "purchases" INTEGER NOT NULL,
    "spend" INTEGER NOT NULL,
    "daysSinceLastPurchase" INTEGER,
    "emotionalScore" INTEGER,
    "emotionalSource" TEXT,
    "scoredOn" TEXT NOT NULL,

    CONSTRAINT "MemberScore_pkey" PRIMARY KEY ("memberId")
);

-- CreateTable
CREATE TABLE "StageMonth" (
    "month" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "StageMonth_pkey" PRIMARY KEY ("month","stage")
);

-- CreateIndex
CREATE INDEX "MemberScore_stage_idx" ON "MemberScore"("stage");

-- CreateIndex
CREATE INDEX "MemberScore_rfmSegment_idx" ON "MemberScore"("rfmSegment");

-- CreateIndex
CREATE INDEX "MemberScore_quadrant_idx" ON "MemberScore"("quadrant");

-- AddForeignKey
ALTER TABLE "MemberScore" ADD CONSTRAINT "MemberScore_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
