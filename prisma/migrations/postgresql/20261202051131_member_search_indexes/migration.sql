-- Trigrams for the name search's index. Part of Debian's postgresql package
-- (contrib) and trusted since PostgreSQL 13: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "phoneDigitsReversed" TEXT;

-- Back-fill: the digits of every phone held, read backwards (E.164 is "+" and digits).
UPDATE "Member" SET "phoneDigitsReversed" = reverse(regexp_replace("phone", '[^0-9]', '', 'g')) WHERE "phone" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Member_searchName_trgm_idx" ON "Member" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Member_phoneDigitsReversed_idx" ON "Member"("phoneDigitsReversed");
