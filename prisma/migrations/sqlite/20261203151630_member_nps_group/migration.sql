-- AlterTable
ALTER TABLE "Member" ADD COLUMN "npsGroup" TEXT;

-- CreateIndex
CREATE INDEX "Member_npsGroup_idx" ON "Member"("npsGroup");

-- Backfill: the group of each member's latest NPS answer.
UPDATE "Member" SET "npsGroup" = (
    SELECT q."scoreGroup" FROM "SurveyQuestion" q
    WHERE q."memberId" = "Member"."id" AND q."kind" = 'nps' AND q."status" = 'answered' AND q."scoreGroup" IS NOT NULL
    ORDER BY q."answeredAt" DESC, q."id" DESC
    LIMIT 1
);
