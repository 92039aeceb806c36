-- AlterTable
ALTER TABLE "Member" ADD COLUMN "phoneDigitsReversed" TEXT;

-- Back-fill: the digits of every phone held, read backwards. SQLite has no
-- reverse(); E.164 holds at most 15 digits after its "+", so fifteen
-- one-character pieces taken from the right spell any of them backwards
-- (a piece left of the first digit is empty).
UPDATE "Member" SET "phoneDigitsReversed" = substr(replace("phone", '+', ''), -1, 1) || substr(replace("phone", '+', ''), -2, 1) || substr(replace("phone", '+', ''), -3, 1) || substr(replace("phone", '+', ''), -4, 1) || substr(replace("phone", '+', ''), -5, 1) || substr(replace("phone", '+', ''), -6, 1) || substr(replace("phone", '+', ''), -7, 1) || substr(replace("phone", '+', ''), -8, 1) || substr(replace("phone", '+', ''), -9, 1) || substr(replace("phone", '+', ''), -10, 1) || substr(replace("phone", '+', ''), -11, 1) || substr(replace("phone", '+', ''), -12, 1) || substr(replace("phone", '+', ''), -13, 1) || substr(replace("phone", '+', ''), -14, 1) || substr(replace("phone", '+', ''), -15, 1) WHERE "phone" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Member_phoneDigitsReversed_idx" ON "Member"("phoneDigitsReversed");
