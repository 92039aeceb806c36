-- AlterTable
ALTER TABLE "Purchase" ADD COLUMN     "store" TEXT,
ADD COLUMN     "till" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "followUpBy" TIMESTAMP(3),
ADD COLUMN     "surveyScore" INTEGER;

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "touchpoint" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "store" TEXT,
    "channel" TEXT,
    "locale" TEXT NOT NULL,
    "tier" TEXT,
    "purchaseId" TEXT,
    "ticketId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "askedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "askedDay" TEXT,
    "answeredDay" TEXT,
    "score" INTEGER,
    "scoreGroup" TEXT,
    "comment" TEXT,
    "followUpTicketId" TEXT,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyDailyScore" (
    "kind" TEXT NOT NULL,
    "touchpoint" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "store" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "answers" INTEGER NOT NULL,

    CONSTRAINT "SurveyDailyScore_pkey" PRIMARY KEY ("kind","touchpoint","day","store","score")
);

-- CreateTable
CREATE TABLE "SurveyDailyAsked" (
    "kind" TEXT NOT NULL,
    "touchpoint" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "store" TEXT NOT NULL,
    "asked" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,

    CONSTRAINT "SurveyDailyAsked_pkey" PRIMARY KEY ("kind","touchpoint","day","store")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_dedupeKey_key" ON "SurveyQuestion"("dedupeKey");

-- CreateIndex
CREATE INDEX "SurveyQuestion_status_dueAt_idx" ON "SurveyQuestion"("status", "dueAt");

-- CreateIndex
CREATE INDEX "SurveyQuestion_memberId_askedAt_idx" ON "SurveyQuestion"("memberId", "askedAt");

-- CreateIndex
CREATE INDEX "SurveyQuestion_kind_answeredAt_touchpoint_store_score_answe_idx" ON "SurveyQuestion"("kind", "answeredAt", "touchpoint", "store", "score", "answeredDay", "tier", "channel", "locale");

-- CreateIndex
CREATE INDEX "SurveyQuestion_kind_askedAt_status_touchpoint_store_answere_idx" ON "SurveyQuestion"("kind", "askedAt", "status", "touchpoint", "store", "answeredAt");

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
